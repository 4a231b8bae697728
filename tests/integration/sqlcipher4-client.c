/*
 * A minimal SQLCipher 4 client for vault-format.test.ts, built from SQLCipher's own amalgamation
 * (@commapp/sqlcipher-amalgamation, SQLCipher 4.5.5): no code of SSP Desk, no SQLite3MultipleCiphers.
 * It does what `sqlcipher FILE` does with the commands in docs/vault-format.md: runs each argument
 * after the first as SQL on the database, printing rows as "a|b|c".
 *
 *   sqlcipher4-client DB "PRAGMA key = \"x'...'\"" "SELECT ..." ...
 */
#include <stdio.h>
#include "sqlite3.h"

static int row(void *unused, int n, char **values, char **names) {
  (void)unused; (void)names;
  for (int i = 0; i < n; i++) printf("%s%s", i ? "|" : "", values[i] ? values[i] : "NULL");
  printf("\n");
  return 0;
}

int main(int argc, char **argv) {
  sqlite3 *db;
  if (argc < 3) { fprintf(stderr, "usage: %s DB SQL...\n", argv[0]); return 64; }
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) { fprintf(stderr, "open: %s\n", sqlite3_errmsg(db)); return 1; }
  for (int i = 2; i < argc; i++) {
    char *err = NULL;
    if (sqlite3_exec(db, argv[i], row, NULL, &err) != SQLITE_OK) { fprintf(stderr, "error: %s\n", err); sqlite3_close(db); return 1; }
  }
  sqlite3_close(db);
  return 0;
}
