#!/usr/bin/env bash
# Backs up UnionHub on PostgreSQL into a new directory, in the same layout as `npm run backup`:
#   database.pgdump   pg_dump's custom format (-Fc), taken from one exported snapshot
#   files/            the stored files (DATA_DIR/attachments, DATA_DIR/job-inputs) the rows refer to
#   manifest.json     row counts read in that same snapshot, every file's size and SHA-256, the key
#                     check naming the master key a restore needs (the key itself is never copied)
#
#   DATABASE_URL=postgres://user@host/unionhub DATA_DIR=./data scripts/backup-postgres.sh [<new directory>]
#
# The default directory is ./backups/unionhub-<UTC time>. PG_BIN may name the directory holding
# pg_dump and psql (their version must be at least the server's), e.g. /usr/lib/postgresql/17/bin.
# Needs bash, GNU coreutils and findutils. The server may keep running: the dump, the counts and the
# list of files are one snapshot, and a stored file never changes or goes while a row refers to it
# (docs/decisions/018-backup-and-restore.md). Exits 1 with one line on stderr when it cannot.
set -euo pipefail
umask 077

NAME=backup-postgres
USAGE="usage: DATABASE_URL=postgres://… DATA_DIR=./data scripts/backup-postgres.sh [<new directory>]"
die() {
  echo "$NAME: $*" >&2
  exit 1
}

[[ ${1:-} == -h || ${1:-} == --help ]] && { echo "$USAGE"; exit 0; }
[[ $# -le 1 ]] || die "one backup directory only ($# given); $USAGE"
[[ -n ${DATABASE_URL:-} ]] || die "DATABASE_URL is not set (the embedded database is backed up with npm run backup); $USAGE"
[[ -n ${PG_BIN:-} ]] && PATH="$PG_BIN:$PATH"
for tool in pg_dump psql sha256sum; do command -v "$tool" >/dev/null || die "$tool is not installed (PostgreSQL client tools: apt-get install postgresql-client, or set PG_BIN)"; done
DATA_DIR=${DATA_DIR:-./data}
[[ -d $DATA_DIR ]] || die "DATA_DIR $DATA_DIR is not a directory (it holds the attachments)"
DATA_DIR=$(cd "$DATA_DIR" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)

out=${1:-./backups/unionhub-$(date -u +%Y%m%dT%H%M%SZ)}
[[ -e $out ]] && die "$out exists already: name a new directory for the backup"
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
partial="$out.partial"
rm -rf "$partial"
mkdir -p "$partial/files"
SECONDS=0

cleanup() {
  [[ -n ${PSQL_PID:-} ]] && kill "$PSQL_PID" 2>/dev/null
  rm -rf "$partial"
}
trap cleanup EXIT

# One psql session holds the snapshot: pg_dump reads it (--snapshot), and so do the counts and the file list.
coproc PSQL { psql -X -q -A -t -v ON_ERROR_STOP=1 "$DATABASE_URL" 2>&1; }
# Sends one command and prints its answer; psql stops at the first error (ON_ERROR_STOP), which ends the script.
ask() {
  printf '%s\n\\echo __END__\n' "$1" >&"${PSQL[1]}" 2>/dev/null || die "psql ended: cannot reach the database at DATABASE_URL"
  local line answer=''
  while IFS= read -r -t 600 line <&"${PSQL[0]}"; do
    if [[ $line == __END__ ]]; then
      printf '%s' "$answer"
      return 0
    fi
    answer+="$line"$'\n'
  done
  die "psql: $(echo "$answer" | tr '\n' ' ')"
}
ask 'begin isolation level repeatable read, read only;' >/dev/null
[[ $(ask "select to_regclass('drizzle.__drizzle_migrations') is not null and to_regclass('public.settings') is not null;") == t* ]] ||
  die "the database at DATABASE_URL is not a UnionHub database (no migrations applied)"
snapshot=$(ask 'select pg_export_snapshot();')
snapshot=${snapshot%$'\n'}

pg_dump --snapshot="$snapshot" --format=custom --file="$partial/database.pgdump" "$DATABASE_URL" 2>"$partial/err" ||
  die "pg_dump failed: $(tr '\n' ' ' <"$partial/err")"

tables=$(ask "select coalesce(json_object_agg(k, n order by k), '{}') from (
  select case when table_schema = 'public' then table_name else table_schema || '.' || table_name end as k,
         (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint as n
  from information_schema.tables where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')) t;")
schema=$(ask "select json_build_object('migrations', count(*), 'lastMigrationAt', max(created_at)) from drizzle.__drizzle_migrations;")
keycheck=$(ask "select coalesce((select to_json(value)::text from settings where key = 'secret_key_check'), 'null');")
database=$(ask 'select current_database();')
database=${database//[^A-Za-z0-9_.-]/}
# Attachments of every table with a storage_key column; inputs of the jobs still queued or running.
ask "select format('select %L || substr(storage_key, 1, 2) || ''/'' || storage_key from public.%I', 'attachments/', c.table_name)
  from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
  where c.table_schema = 'public' and c.column_name = 'storage_key' and t.table_type = 'BASE TABLE' \\gexec" >"$partial/referenced"
ask "select 'job-inputs/' || substr(input_file_key, 1, 2) || '/' || input_file_key from background_jobs
  where input_file_key is not null and state in ('queued', 'running');" >>"$partial/referenced"
ask 'commit;' >/dev/null
printf '\\q\n' >&"${PSQL[1]}"
wait "$PSQL_PID" 2>/dev/null || true
PSQL_PID=

# The files: those present are copied, and their sizes and hashes listed; the others named as missing.
sort -u "$partial/referenced" | sed '/^$/d' >"$partial/wanted"
: >"$partial/present"
missing_json=''
while IFS= read -r p; do
  if [[ ! $p =~ ^(attachments|job-inputs)/[0-9a-f]{2}/[0-9a-f]{32}$ ]]; then
    reason='malformed storage key'
  elif [[ -f $DATA_DIR/$p ]]; then
    echo "$p" >>"$partial/present"
    continue
  elif [[ $p == job-inputs/* ]]; then
    reason='the job ended after the snapshot (its input is removed then)'
  else
    reason='missing from the data directory'
  fi
  missing_json+="${missing_json:+, }{\"path\": $(printf '%s' "$p" | sed 's/\\/\\\\/g; s/"/\\"/g; s/^/"/; s/$/"/'), \"reason\": \"$reason\"}"
done <"$partial/wanted"
(cd "$DATA_DIR" && xargs -r -d '\n' cp --parents -t "$partial/files" -- <"$partial/present")
(cd "$partial/files" && xargs -r -d '\n' sha256sum -- <"$partial/present") >"$partial/sums"
(cd "$partial/files" && xargs -r -d '\n' stat -c '%s' -- <"$partial/present") >"$partial/sizes"
entries=$(paste -d ' ' "$partial/sums" "$partial/sizes" | awk '{ printf "%s\n      {\"path\": \"%s\", \"bytes\": %s, \"sha256\": \"%s\"}", (NR > 1 ? "," : ""), $2, $3, $1 }')
count=$(wc -l <"$partial/present")
file_bytes=$(awk '{ s += $1 } END { print s + 0 }' "$partial/sizes")

db_bytes=$(stat -c '%s' "$partial/database.pgdump")
db_sha=$(sha256sum "$partial/database.pgdump" | cut -d ' ' -f 1)
version=$(sed -n 's/^  "version": *"\([^"]*\)".*/\1/p' "$HERE/../package.json" | head -n 1)
cat >"$partial/manifest.json" <<JSON
{
  "format": "unionhub-backup",
  "formatVersion": 1,
  "engine": "postgres",
  "createdAt": "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)",
  "appVersion": "${version:-unknown}",
  "takenFrom": "$(uname -n | tr -cd 'A-Za-z0-9_.-'): PostgreSQL database $database (pg_dump of one snapshot)",
  "schema": ${schema%$'\n'},
  "database": {"file": "database.pgdump", "bytes": $db_bytes, "sha256": "$db_sha"},
  "keyCheck": ${keycheck%$'\n'},
  "key": "The master key is not in this backup. A restore needs the SECRET_KEY (or DATA_DIR/secret.key) the data was written with: the one whose key check is keyCheck.",
  "tables": ${tables%$'\n'},
  "files": {
    "count": $count,
    "bytes": $file_bytes,
    "entries": [$entries
    ],
    "missing": [$missing_json]
  }
}
JSON
rm -f "$partial"/{err,referenced,wanted,present,sums,sizes}
mv "$partial" "$out"
trap - EXIT

echo "Backup written to $out in $SECONDS s: database ${db_bytes} bytes (pg_dump -Fc), $count files (${file_bytes} bytes)."
[[ ${keycheck%$'\n'} != null ]] && echo "It needs the master key whose check is ${keycheck:1:12}… (SECRET_KEY or DATA_DIR/secret.key), which is not in it: keep that key safe apart from the backups."
if grep -q '"path": "attachments/' <<<"$missing_json"; then
  echo "$NAME: attachment files the database refers to are missing from $DATA_DIR/attachments (listed in manifest.json): the backup lacks them too" >&2
  exit 1
fi
exit 0
