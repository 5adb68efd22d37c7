"""gunicorn's configuration for the IPSP site: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi`.

Everything an operator tunes comes from the environment (see the README's table):
WEB_CONCURRENCY worker processes (default: 2 per core + 1), WEB_THREADS threads each,
WEB_BIND (default 127.0.0.1:8000, nginx in front), WEB_TIMEOUT seconds per request.
`systemctl reload ipsp-web` (SIGHUP) starts new workers with the new code and lets the old ones
finish their requests (graceful_timeout); `max_requests` recycles a worker now and then so a slow
leak never grows without bound.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name) or ""
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"IPSP configuration error: {name} must be a whole number of at least 1, not {value!r}.")
    return int(value)


wsgi_app = "cms.wsgi:application"
bind = os.environ.get("WEB_BIND") or "127.0.0.1:8000"
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
threads = _int("WEB_THREADS", 1)
timeout = _int("WEB_TIMEOUT", 30)  # a worker silent for longer is killed and replaced
graceful_timeout = _int("WEB_GRACEFUL_TIMEOUT", 30)  # time to finish in-flight requests on reload/stop
keepalive = 5  # nginx keeps connections to us open a little
max_requests = 2000
max_requests_jitter = 200  # workers do not all restart at once
# The application is loaded in each worker (not in the master) so `reload` picks up new code.
preload_app = False
# The access log is Django's: one line per request from cms.observability (client address behind
# TRUSTED_PROXY_COUNT proxies, request id, status, duration; JSON with LOG_FORMAT=json). gunicorn's
# own access log would be a second line per request, so it is off unless WEB_ACCESS_LOG names a
# file (or "-" for stdout).
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms id=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS") or "127.0.0.1,::1"
# Requests larger than this are refused before Django reads them (uploads go through the admin).
limit_request_field_size = 16384
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 (heartbeat files, not data)
