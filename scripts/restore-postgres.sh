#!/usr/bin/env bash
# Restores a backup made by scripts/backup-postgres.sh into an empty PostgreSQL database and DATA_DIR:
#
#   createdb unionhub
#   DATABASE_URL=postgres://user@host/unionhub DATA_DIR=./data scripts/restore-postgres.sh <backup directory> [--force]
#
# Checked before anything is written: the manifest, the configured master key (SECRET_KEY, else
# DATA_DIR/secret.key) against the key check the backup names, the checksum of the dump and of every
# file, and that the database is empty (a server started on it would have created its tables). Then
# pg_restore in one transaction, the row counts compared with the manifest, and the files put into
# DATA_DIR. DATA_DIR/attachments or job-inputs holding files are replaced only with --force (moved
# aside to DATA_DIR/replaced-<time>, never deleted). PG_BIN may name the directory of pg_restore and
# psql (at least the version that made the dump). Needs bash, GNU coreutils, and node for the JSON
# and the key check. Exits 1 with one line on stderr when it refuses or fails.
set -euo pipefail
umask 077

NAME=restore-postgres
USAGE="usage: DATABASE_URL=postgres://…/<empty database> DATA_DIR=./data scripts/restore-postgres.sh <backup directory> [--force]"
die() {
  echo "$NAME: $*" >&2
  exit 1
}

backup=''
force=0
for arg in "$@"; do
  case $arg in
    -h | --help) echo "$USAGE"; exit 0 ;;
    --force) force=1 ;;
    -*) die "unknown option $arg; $USAGE" ;;
    *) [[ -z $backup ]] || die "one backup directory only; $USAGE"; backup=$arg ;;
  esac
done
[[ -n $backup ]] || die "name the backup to restore; $USAGE"
[[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set (the embedded database is restored with npm run restore); $USAGE"
[[ -n ${PG_BIN:-} ]] && PATH="$PG_BIN:$PATH"
for tool in pg_restore psql sha256sum node; do command -v "$tool" >/dev/null || die "$tool is not installed (PostgreSQL client tools: apt-get install postgresql-client, or set PG_BIN)"; done
[[ -e $backup ]] || die "$backup does not exist"
[[ -f $backup/manifest.json ]] || die "$backup is not a UnionHub backup: it has no manifest.json (an interrupted backup has none)"
backup=$(cd "$backup" && pwd)
DATA_DIR=${DATA_DIR:-./data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The manifest, read by node: shell assignments (quoted), the checksum list and the row counts.
manifest_vars=$(node -e '
  const fs = require("fs");
  const [file, work] = process.argv.slice(1);
  const fail = (why) => { console.error(why); process.exit(1); };
  let m;
  try { m = JSON.parse(fs.readFileSync(file, "utf8")); } catch { fail(`${file} is not valid JSON: not a UnionHub backup, or a damaged one`); }
  if (!m || m.format !== "unionhub-backup" || m.formatVersion !== 1) fail(`${file} is not a UnionHub backup manifest`);
  if (m.engine !== "postgres") fail(`this is a backup of the ${m.engine} engine: restore it with npm run restore`);
  const pathOk = /^(attachments|job-inputs)\/[0-9a-f]{2}\/[0-9a-f]{32}$/;
  const entries = m.files?.entries ?? [];
  if (!m.database || !/^[0-9a-f]{64}$/.test(m.database.sha256) || m.database.file !== "database.pgdump" || !m.tables) fail(`${file} is not a UnionHub backup manifest`);
  for (const e of entries) if (!pathOk.test(e.path) || !/^[0-9a-f]{64}$/.test(e.sha256)) fail(`${file} names a file it must not: ${JSON.stringify(e.path)}`);
  fs.writeFileSync(`${work}/sums`, entries.map((e) => `${e.sha256}  files/${e.path}\n`).join(""));
  fs.writeFileSync(`${work}/paths`, entries.map((e) => `${e.path}\n`).join(""));
  fs.writeFileSync(`${work}/tables.json`, JSON.stringify(m.tables));
  const Q = String.fromCharCode(39);
  const sq = (s) => Q + String(s).split(Q).join(Q + "\\" + Q + Q) + Q;
  console.log([`created_at=${sq(m.createdAt)}`, `db_sha=${sq(m.database.sha256)}`, `key_check=${sq(m.keyCheck ?? "")}`, `file_count=${entries.length}`, `missing_count=${(m.files?.missing ?? []).length}`].join("\n"));
' "$backup/manifest.json" "$work" 2>"$work/err") || die "$(cat "$work/err")"
eval "$manifest_vars"

# The configured key must be the one the backup names; a missing key is never generated here.
key_file="$DATA_DIR/secret.key"
if [[ -z ${SECRET_KEY:-} && ! -f $key_file ]]; then
  die "no key configured: put the secret.key the data was written with${key_check:+ (the key whose check is ${key_check:0:12}…)} into $DATA_DIR (mode 0600), or set SECRET_KEY; backups do not hold it"
fi
configured_check=$(KEY_FILE="$key_file" node -e '
  const crypto = require("crypto");
  const hex = (process.env.SECRET_KEY || require("fs").readFileSync(process.env.KEY_FILE, "utf8")).trim();
  if (!/^[0-9a-f]{64}$/i.test(hex)) { console.error(`${process.env.SECRET_KEY ? "SECRET_KEY" : process.env.KEY_FILE} is not 64 hex characters`); process.exit(1); }
  const checkKey = crypto.createHmac("sha256", Buffer.from(hex, "hex")).update("unionhub/key-check/v1").digest();
  console.log(crypto.createHmac("sha256", checkKey).update("UnionHub secret key check v1").digest("base64url"));
' 2>"$work/err") || die "$(cat "$work/err")"
if [[ -n $key_check && $configured_check != "$key_check" ]]; then
  key_source=$key_file
  [[ -n ${SECRET_KEY:-} ]] && key_source=SECRET_KEY
  die "the configured key ($key_source, check ${configured_check:0:12}…) is not the one this backup was written with (check ${key_check:0:12}…): configure that key and run the restore again"
fi

q() { psql -X -q -A -t -v ON_ERROR_STOP=1 "$DATABASE_URL" -c "$1" 2>"$work/err" || die "psql: $(tr '\n' ' ' <"$work/err")"; }
tables_now=$(q "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')")
[[ $tables_now == 0 ]] || die "the database at DATABASE_URL is not empty ($tables_now tables): restore into a new, empty database (createdb) and point DATABASE_URL at it"

occupied=()
for store in attachments job-inputs; do
  [[ -d $DATA_DIR/$store ]] && [[ -n $(find "$DATA_DIR/$store" -type f -not -path "$DATA_DIR/$store/.tmp/*" -print -quit) ]] && occupied+=("$store")
done
if ((${#occupied[@]})) && ((!force)); then
  die "$DATA_DIR holds files already (${occupied[*]}): pass --force to replace them (what is there is moved aside into $DATA_DIR/replaced-<time>, not deleted)"
fi

[[ -f $backup/database.pgdump ]] || die "the backup is damaged: database.pgdump is missing"
[[ $(sha256sum "$backup/database.pgdump" | cut -d ' ' -f 1) == "$db_sha" ]] || die "the backup is damaged: database.pgdump does not match its checksum"
if ((file_count)); then
  (cd "$backup" && sha256sum --quiet --strict -c "$work/sums" >"$work/err" 2>&1) || die "the backup is damaged: $(head -n 1 "$work/err")"
fi
echo "backup of $created_at checked: the dump and $file_count files match their checksums; the configured key is the one it needs"
((missing_count == 0)) || echo "note: $missing_count files the database refers to were not in the data directory when the backup was made (listed in its manifest)"

SECONDS=0
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$DATABASE_URL" "$backup/database.pgdump" 2>"$work/err" ||
  die "pg_restore failed (nothing was restored): $(grep -m 1 -i error "$work/err" || head -n 1 "$work/err")"
q "select coalesce(json_object_agg(k, n order by k), '{}') from (
  select case when table_schema = 'public' then table_name else table_schema || '.' || table_name end as k,
         (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint as n
  from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')) t" >"$work/restored.json"
node -e '
  const fs = require("fs");
  const [want, got] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  for (const t of new Set([...Object.keys(want), ...Object.keys(got)]))
    if (want[t] !== got[t]) { console.error(`the restored database does not match the manifest: ${t} has ${got[t] ?? "no table"} rows, the manifest says ${want[t] ?? "no table"}`); process.exit(1); }
' "$work/tables.json" "$work/restored.json" 2>"$work/err" || die "$(cat "$work/err")"
restored_check=$(q "select coalesce((select value from settings where key = 'secret_key_check'), '')")
[[ $restored_check == "$key_check" ]] || die "the restored database keeps another key check than the manifest says"
read -r table_count rows < <(node -e 'const t = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(Object.keys(t).length, Object.values(t).reduce((a, b) => a + b, 0))' "$work/restored.json")

# The files: staged inside DATA_DIR, then moved into place (what was there moved aside with --force).
mkdir -p "$DATA_DIR"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
staging="$DATA_DIR/.restore-$stamp"
mkdir -p "$staging/attachments" "$staging/job-inputs"
(cd "$backup/files" 2>/dev/null && xargs -r -d '\n' cp --parents -t "$staging" -- <"$work/paths") || { rm -rf "$staging"; die "copying the files into $DATA_DIR failed"; }
if ((${#occupied[@]})); then
  aside="$DATA_DIR/replaced-$stamp"
  mkdir -p "$aside"
  for store in "${occupied[@]}"; do mv "$DATA_DIR/$store" "$aside/$store"; done
  echo "The previous ${occupied[*]} of $DATA_DIR are in $aside: remove them once the restored system is checked."
fi
for store in attachments job-inputs; do
  rm -rf "${DATA_DIR:?}/$store" # empty leftovers only: anything holding files was moved aside
  mv "$staging/$store" "$DATA_DIR/$store"
done
rmdir "$staging"
echo "Restored the backup of $created_at in $SECONDS s: $table_count tables, $rows rows as the manifest says, $file_count files. Start the server with this DATABASE_URL and DATA_DIR."
