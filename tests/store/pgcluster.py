"""A throw-away PostgreSQL cluster for tests and benchmarks: initdb + pg_ctl in a temp dir on 127.0.0.1.

initdb and postgres refuse to run as root, so as root the cluster belongs to an ordinary user
(postgres when Debian's package made it, else nobody) and is run through runuser.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "tmtool"
PASSWORD_USER = "secretuser"  # the one role that must give a password (scram), for the auth-failure tests
PASSWORD = "s3cret-pw"
HBA = f"""\
local all all trust
host all {PASSWORD_USER} 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""


class ClusterUnavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


@dataclass(frozen=True)
class Cluster:
    """A running cluster: its folder, binaries, port, and the user that owns it."""

    root: Path
    bindir: Path
    port: int
    owner: str | None  # the user the server runs as when we are root, else None

    def url(self, database: str = "postgres", user: str = SUPERUSER, password: str = "") -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        run_as(self.owner, [str(self.bindir / "pg_ctl"), "stop", "-D", str(self.root / "data"), "-m", "immediate"],
               check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def find_bindir() -> Path:
    """The folder of initdb and pg_ctl: $TMTOOL_PG_BINDIR, pg_config --bindir, Debian's folders, PATH."""
    candidates = [os.environ.get("TMTOOL_PG_BINDIR", "")]
    if shutil.which("pg_config"):
        done = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(done.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name), reverse=True)
    initdb = shutil.which("initdb")
    candidates.append(str(Path(initdb).resolve().parent) if initdb else "")
    for folder in filter(None, candidates):
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    raise ClusterUnavailable("no initdb/pg_ctl found (pg_config --bindir, /usr/lib/postgresql/*/bin, PATH); "
                             "install PostgreSQL (Debian: apt-get install postgresql)")


def server_owner() -> str | None:
    """Who runs the server: ourselves, or, when we are root, an ordinary user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        if shutil.which("runuser"):
            return name
    raise ClusterUnavailable("running as root without a postgres/nobody user and runuser to run initdb as")


def run_as(owner: str | None, argv: list[str], check: bool = True) -> subprocess.CompletedProcess[str]:
    command = ["runuser", "-u", owner, "--", *argv] if owner else argv
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if check and done.returncode:
        raise ClusterUnavailable(f"{Path(argv[0]).name} failed: {(done.stderr or done.stdout).strip()[-400:]}")
    return done


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_cluster(settings: dict[str, str] | None = None) -> Cluster:
    """initdb a new cluster in a temp dir and start it on 127.0.0.1 and a free port."""
    bindir, owner = find_bindir(), server_owner()
    root = Path(tempfile.mkdtemp(prefix="tmtool-pg-"))
    if owner:
        entry = pwd.getpwnam(owner)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    try:
        run_as(owner, [str(bindir / "initdb"), "-D", str(root / "data"), "-U", SUPERUSER, "-E", "UTF8",
                       "--locale=C", "--auth=trust", "--no-sync"])
        (root / "data" / "pg_hba.conf").write_text(HBA, encoding="utf-8")
        port = free_port()
        options = {"listen_addresses": "127.0.0.1", "port": str(port), "unix_socket_directories": str(root),
                   **(settings or {})}
        flags = " ".join(f"-c {k}={v}" for k, v in options.items())
        run_as(owner, [str(bindir / "pg_ctl"), "start", "-D", str(root / "data"), "-w", "-t", "60",
                       "-l", str(root / "server.log"), "-o", flags])
    except (ClusterUnavailable, OSError, subprocess.SubprocessError) as err:
        log = root / "server.log"
        tail = log.read_text(encoding="utf-8", errors="replace")[-400:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise ClusterUnavailable(f"{err} {tail}".strip()) from err
    cluster = Cluster(root, bindir, port, owner)
    psql(cluster, f"CREATE ROLE {PASSWORD_USER} LOGIN CREATEDB PASSWORD '{PASSWORD}'")
    return cluster


def psql(cluster: Cluster, sql: str, database: str = "postgres") -> str:
    """Run one statement as the superuser over the cluster's socket."""
    done = run_as(cluster.owner, [str(cluster.bindir / "psql"), "-h", str(cluster.root), "-p", str(cluster.port),
                                  "-U", SUPERUSER, "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
    return done.stdout.strip()
