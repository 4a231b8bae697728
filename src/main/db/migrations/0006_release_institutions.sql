-- Default custody institutions for release coordination (an editable list; names are
-- institutions, never people).
INSERT OR IGNORE INTO `custody_institutions` (`name`, `kind`, `sort_order`) VALUES
  ('Københavns Fængsler', 'remand', 1),
  ('Storstrøm Fængsel', 'prison', 2),
  ('Statsfængslet Østjylland', 'prison', 3),
  ('Herstedvester Fængsel', 'prison', 4),
  ('Nyborg Fængsel', 'prison', 5),
  ('Arresthuset i Holbæk', 'arresthus', 6),
  ('Arresthuset i Roskilde', 'arresthus', 7),
  ('Sikret institution Sølager', 'youth', 8),
  ('Sikret institution Bakkegården', 'youth', 9);
