-- Default partners for SSP+ plans (an editable list; names are organisations, never people).
INSERT OR IGNORE INTO `sspplus_partners` (`name`, `sort_order`) VALUES
  ('SOF', 1),
  ('BIF / Jobcenter', 2),
  ('BUF', 3),
  ('Kriminalforsorgen', 4),
  ('Politi', 5);
