#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL cluster on a loopback port, owned by the
# postgres user (PostgreSQL refuses to run as root), and exports PLAYGROUND_TEST_POSTGRES. When
# PostgreSQL is not installed it sets POSTGRES_SKIP_REASON instead.

PLAYGROUND_PG_PORT=${PLAYGROUND_PG_PORT:-55432}
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  POSTGRES_SKIP_REASON="PostgreSQL is not installed and could not be installed"
  return 0 2>/dev/null || exit 0
fi

PLAYGROUND_PG_DIR=$(mktemp -d /tmp/playground-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$PLAYGROUND_PG_DIR"
  as_pg=(runuser -u postgres --)
fi

if "${as_pg[@]}" "$pg_bin/initdb" -D "$PLAYGROUND_PG_DIR/data" -U playground --auth=trust -E UTF8 >"$PLAYGROUND_PG_DIR/initdb.log" 2>&1 \
  && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PLAYGROUND_PG_DIR/data" -l "$PLAYGROUND_PG_DIR/server.log" -w \
       -o "-c listen_addresses=127.0.0.1 -p $PLAYGROUND_PG_PORT -k $PLAYGROUND_PG_DIR -c fsync=off" start >/dev/null 2>&1; then
  export PLAYGROUND_TEST_POSTGRES="Host=127.0.0.1;Port=$PLAYGROUND_PG_PORT;Database=playground_test;Username=playground"
  stop_test_postgres() { "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$PLAYGROUND_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PLAYGROUND_PG_DIR"; }
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PLAYGROUND_PG_PORT"
else
  POSTGRES_SKIP_REASON="PostgreSQL could not be started (see $PLAYGROUND_PG_DIR)"
  cat "$PLAYGROUND_PG_DIR"/*.log 2>/dev/null | tail -n 5
fi
