# Sourced by the bench scripts: the production settings module, a bench-only secret, the
# output folder, and the database in DATABASE_URL migrated with the criteria loaded.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE=ita_portal.settings ALLOWED_HOSTS=testserver
export SECRET_KEY=${SECRET_KEY:-bench-only-Zk3#pQ9!vL2@xR7\$mT4%nW8^bY1&cF6*Zk3#pQ9!vL2@xR7}
mkdir -p bench/out
$PY manage.py migrate --noinput -v0
$PY manage.py load_criteria
