"""What the measuring tools share: serving Hearth on a free loopback port, stopping it, and
asking a Django process for figures (tools/browser_timings.py, tools/reliability.py)."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def hearth_env(database_url: str) -> dict:
    """The environment a measured Hearth runs in: the given database, debug off."""
    return {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
            "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONUNBUFFERED": "1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(command: list[str], env: dict, port: int, *, log: Path) -> subprocess.Popen:
    """Starts `command` (a server listening on `port`) in its own process group, so stop()
    reaches its workers too, and waits until it answers."""
    log.parent.mkdir(exist_ok=True)
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,  # noqa: S603
                                  stderr=subprocess.STDOUT, start_new_session=True)
    wait_until_answering(f"http://127.0.0.1:{port}/sign-in/", server, log)
    return server


def gunicorn(port: int, *, workers: int) -> list[str]:
    return [str(BIN / "gunicorn"), "config.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--timeout", "60", "--graceful-timeout", "10"]


def runserver(port: int) -> list[str]:
    return [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload",
            "--insecure"]


def stop(server: subprocess.Popen, *, how: int = signal.SIGTERM) -> None:
    """Stops the server's whole process group (SIGKILL for the kill drill)."""
    if server.poll() is None:
        os.killpg(server.pid, how)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def wait_until_answering(url: str, server: subprocess.Popen, log: Path,
                         timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"Hearth stopped while starting:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Hearth did not answer at {url} within {timeout} s")


def django_json(env: dict, script: str) -> dict:
    """Runs `script` in a Django process on env's database; the JSON it prints last."""
    done = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + script],  # noqa: S603
                          cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
