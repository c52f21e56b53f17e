# Sourced by .ci/run (and usable by hand): starts a throwaway PostgreSQL server on 127.0.0.1:54329
# owned by the 'postgres' user, and exports TEST_DATABASE_URL for the store tests.
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=${BEVIS_CI_PGDATA:-/tmp/bevis-ci-pg}
pgport=${BEVIS_CI_PGPORT:-54329}
if ! "$pgbin/pg_isready" -h 127.0.0.1 -p "$pgport" >/dev/null 2>&1; then
  rm -rf "$pgdir"; mkdir -p "$pgdir"; chown postgres "$pgdir"
  su postgres -c "$pgbin/initdb -D $pgdir -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -c "$pgbin/pg_ctl -D $pgdir -o '-p $pgport -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l $pgdir/log -w start" >/dev/null
fi
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/postgres"
echo "ci: PostgreSQL server at $TEST_DATABASE_URL ($("$pgbin/postgres" --version))"
