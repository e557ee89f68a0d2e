# ITA Portal image: the same app server and worker as on a Debian 12 server.
# docker compose up (compose.yaml) runs web, worker, PostgreSQL and Redis.
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DEBIAN_FRONTEND=noninteractive
RUN apt-get update && apt-get install -y --no-install-recommends \
        fonts-thai-tlwg libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 fontconfig \
        poppler-utils postgresql-client curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --create-home --home-dir /srv/ita-portal ita
WORKDIR /srv/ita-portal
COPY pyproject.toml ./
RUN pip install --no-cache-dir -e ".[rq]"
COPY --chown=ita:ita . .
RUN mkdir -p /var/lib/ita-portal/uploads && chown ita:ita /var/lib/ita-portal/uploads \
    && DEBUG=1 python manage.py collectstatic --noinput -v0
USER ita
ENV MEDIA_ROOT=/var/lib/ita-portal/uploads WEB_BIND=0.0.0.0:8000 ITA_ENV_FILE=/dev/null
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/healthz || exit 1
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
