#!/usr/bin/env python3
"""tools/bench fleet [N]: how fast a notice reaches a fleet of screens.

Starts mosquitto and nginx on free loopback ports and N kiosks (default 50) on
SDL's dummy video driver, each with feed.interval = 3600 so that polling cannot
be what delivers a change. Once every screen has the schedule, it changes the
feed, runs `foyer-feed notify` and reads every screen's cache until it holds the
new content's SHA-256. Prints each screen's latency (median and max) and how
many requests nginx answered for it. Needs build/bin (tools/bench builds it).
"""
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "build", "bin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, what, deadline=10):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    sys.exit(f"tools/bench fleet: {what} did not start")


def start_broker(work):
    port = free_port()
    conf = os.path.join(work, "mosquitto.conf")
    with open(conf, "w") as f:
        f.write(f"user root\npersistence false\nallow_anonymous true\nlistener {port} 127.0.0.1\n"
                f"log_dest file {work}/mosquitto.log\n")
    process = subprocess.Popen(["mosquitto", "-c", conf], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    wait_for_port(port, "mosquitto")
    return process, port


def start_nginx(work):
    port = free_port()
    os.makedirs(f"{work}/www")
    os.makedirs(f"{work}/tmp")
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"daemon off; master_process off; worker_processes 1; error_log {work}/error.log;\n"
                f"pid {work}/nginx.pid; events {{ worker_connections 1024; }}\n"
                f"http {{ access_log {work}/access.log; client_body_temp_path {work}/tmp;\n"
                f"  proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;\n"
                f"  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;\n"
                f"  types {{ application/json json; }}\n"
                f"  server {{ listen 127.0.0.1:{port}; root {work}/www; }} }}\n")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-p", work, "-c", conf])
    wait_for_port(port, "nginx")
    return process, port


def screen_config(work, i, nginx_port, broker_port):
    path = f"{work}/screen-{i}.toml"
    with open(path, "w") as f:
        f.write(f'[feed]\nurl = "http://127.0.0.1:{nginx_port}/schedule.json"\ninterval = 3600\n'
                f'[display]\nmode = "room"\nroom = "Main Hall"\nfullscreen = false\n'
                f'size = "480x270"\n[clock]\nstart = "2025-10-15T10:40:10+05:00"\n'
                f'[cache]\npath = "{work}/screen-{i}.db"\n'
                f'[fleet]\nbroker = "mqtt://127.0.0.1:{broker_port}"\ntopic = "foyer/bench"\n'
                f'screen_id = "screen-{i}"\n')
    return path


def cached_hash(database):
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=0.2) as db:
            row = db.execute("SELECT content_hash FROM feed_state WHERE id = 1").fetchone()
            return row[0] if row else None
    except sqlite3.Error:
        return None


def wait_for_hash(databases, wanted, deadline):
    """Seconds until each database holds `wanted`, or None for those that never did."""
    start = time.monotonic()
    arrived = {}
    while len(arrived) < len(databases) and time.monotonic() - start < deadline:
        for database in databases:
            if database not in arrived and cached_hash(database) == wanted:
                arrived[database] = time.monotonic() - start
        time.sleep(0.02)
    return [arrived.get(database) for database in databases]


def requests(work):
    with open(f"{work}/access.log") as f:
        return sum(1 for line in f if "/schedule.json" in line)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    work = tempfile.mkdtemp(prefix="foyer-bench-fleet.")
    processes = []
    try:
        broker, broker_port = start_broker(work)
        nginx, nginx_port = start_nginx(work)
        processes += [broker, nginx]
        shutil.copy(f"{ROOT}/assets/demo/schedule.json", f"{work}/www/schedule.json")
        environment = dict(os.environ, SDL_VIDEODRIVER="dummy", FOYER_LOG="warning")
        databases = []
        for i in range(count):
            config = screen_config(work, i, nginx_port, broker_port)
            databases.append(f"{work}/screen-{i}.db")
            processes.append(subprocess.Popen([f"{BIN}/foyer", "--config", config],
                                              env=environment, stderr=subprocess.DEVNULL))
        with open(f"{work}/www/schedule.json", "rb") as f:
            old = f.read()
        ready = wait_for_hash(databases, hashlib.sha256(old).hexdigest(), 120)
        if None in ready:
            sys.exit(f"tools/bench fleet: {ready.count(None)} screens never got the first schedule")
        time.sleep(3)  # every screen has connected and subscribed by now
        new = old.replace(b"Astana Think Tank Forum 2025", b"Astana Think Tank Forum 2025 (v2)")
        with open(f"{work}/www/schedule.json.tmp", "wb") as f:
            f.write(new)
        os.rename(f"{work}/www/schedule.json.tmp", f"{work}/www/schedule.json")
        before = requests(work)
        broker_options = ["--broker", f"mqtt://127.0.0.1:{broker_port}", "--topic", "foyer/bench"]
        started = time.monotonic()
        subprocess.run([f"{BIN}/foyer-feed", "notify", *broker_options], check=True)
        latencies = wait_for_hash(databases, hashlib.sha256(new).hexdigest(), 60)
        notify_ms = (time.monotonic() - started) * 1000
        time.sleep(3)  # no late fetches either
        report(count, latencies, requests(work) - before, notify_ms)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


def report(count, latencies, fetches, notify_ms):
    arrived = [l for l in latencies if l is not None]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), os.uname().machine)
    print(f"foyer bench fleet: {count} screens, {os.cpu_count()} cores, {cpu}")
    if not arrived:
        sys.exit("no screen got the new schedule within 60 s")
    print(f"notify -> new schedule in the cache: median {statistics.median(arrived):.2f} s, "
          f"max {max(arrived):.2f} s; {len(arrived)}/{count} screens within 60 s")
    print(f"nginx answered {fetches} schedule requests for the notice "
          f"({fetches / count:.2f} per screen)")
    print(json.dumps({"screens": count, "arrived": len(arrived),
                      "median_s": round(statistics.median(arrived), 3),
                      "max_s": round(max(arrived), 3), "nginx_requests": fetches}))


if __name__ == "__main__":
    main()
