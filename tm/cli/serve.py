"""The `serve` command: the store over HTTP (JSON API and web page), a thin wrapper over tm.server."""
from __future__ import annotations

import contextlib

import click

from tm.cli.common import db_option

DEFAULT_MAX_BODY_MB = 50


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 opens the server to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help="Port to listen on.")
@click.option("--read-only/--writable", "read_only", default=True, show_default=True,
              help="--writable allows import and build over HTTP, with --token only.")
@click.option("--token", envvar="TMTOOL_TOKEN", show_envvar=True,
              help="The secret a write must send as 'Authorization: Bearer TOKEN' (with --writable).")
@click.option("--max-body", "max_body_mb", type=click.IntRange(1, 4096), default=DEFAULT_MAX_BODY_MB,
              show_default=True, help="Largest request body (an uploaded file), in MB.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; more than one lets searches use more than one core.")
@click.option("--access-log/--no-access-log", default=True, show_default=True,
              help="Log each request (uvicorn's access log, on stdout).")
def serve_command(db: str, host: str, port: int, read_only: bool, token: str | None, max_body_mb: int,
                  workers: int, access_log: bool) -> None:
    """Serve the store over HTTP: a JSON API, its /openapi.json, and a search page at /.

    \b
    Examples:
      tmtool serve --db tmtool.db                    # http://127.0.0.1:8080/
      tmtool serve --writable --token "$SECRET"      # import/build over HTTP with the token
      curl 'http://127.0.0.1:8080/api/search?q=Доклад+Генерального+секретаря'
    """
    if not read_only and not token:
        raise click.UsageError("--writable needs --token TOKEN (or $TMTOOL_TOKEN): writes are allowed only with it")
    try:
        from tm.server.app import ServerConfig
        from tm.server.run import serve
    except ImportError as err:
        raise click.ClickException(f"tmtool serve needs the serve extra ({err.name} is missing): "
                                   "pip install 'tmtool[serve]'") from err
    config = ServerConfig(db, token=None if read_only else token, max_body=max_body_mb * 1024 * 1024)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C or SIGTERM is how a server ends: exit 0
        serve(config, host=host, port=port, access_log=access_log, workers=workers)
