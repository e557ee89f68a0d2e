"""Count the changes of each province's organisations in the database itself.

PostgreSQL: a constraint trigger deferred to commit, so the province's row is locked only
while the transaction commits (a long import does not hold up the other agencies of its
province). SQLite writes one transaction at a time: plain triggers.
"""

from django.db import migrations, models

TABLE = "organizations_provinceversion"
BUMP = (f"INSERT INTO {TABLE} (province, changes) VALUES ({{row}}.province, 1) "
        f"ON CONFLICT (province) DO UPDATE SET changes = {TABLE}.changes + 1;")

POSTGRESQL = f"""
CREATE FUNCTION organizations_count_province_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        {BUMP.format(row="OLD")}
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.province IS DISTINCT FROM OLD.province) THEN
        {BUMP.format(row="NEW")}
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER organizations_province_version
AFTER INSERT OR UPDATE OR DELETE ON organizations_organization
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
EXECUTE FUNCTION organizations_count_province_change();
"""
POSTGRESQL_REVERSE = """
DROP TRIGGER organizations_province_version ON organizations_organization;
DROP FUNCTION organizations_count_province_change();
"""

SQLITE = [
    f"""CREATE TRIGGER organizations_province_version_insert
    AFTER INSERT ON organizations_organization BEGIN {BUMP.format(row="NEW")} END""",
    f"""CREATE TRIGGER organizations_province_version_delete
    AFTER DELETE ON organizations_organization BEGIN {BUMP.format(row="OLD")} END""",
    f"""CREATE TRIGGER organizations_province_version_update
    AFTER UPDATE ON organizations_organization BEGIN {BUMP.format(row="OLD")}
    INSERT INTO {TABLE} (province, changes) SELECT NEW.province, 1
    WHERE NEW.province IS NOT OLD.province
    ON CONFLICT (province) DO UPDATE SET changes = {TABLE}.changes + 1; END""",
]
SQLITE_REVERSE = [f"DROP TRIGGER organizations_province_version_{event}"
                  for event in ("insert", "delete", "update")]


def run(on_postgresql, on_sqlite):
    def statements(apps, schema_editor):
        postgresql = schema_editor.connection.vendor == "postgresql"
        for statement in on_postgresql if postgresql else on_sqlite:
            schema_editor.execute(statement)
    return statements


COUNT_NOW = (f"INSERT INTO {TABLE} (province, changes) SELECT province, COUNT(*) "
             "FROM organizations_organization GROUP BY province")
create_triggers = run([POSTGRESQL, COUNT_NOW], [*SQLITE, COUNT_NOW])
drop_triggers = run([POSTGRESQL_REVERSE], SQLITE_REVERSE)


class Migration(migrations.Migration):

    dependencies = [
        ('organizations', '0004_organization_data_version'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProvinceVersion',
            fields=[
                ('province', models.CharField(max_length=80, primary_key=True, serialize=False, verbose_name='จังหวัด')),
                ('changes', models.PositiveBigIntegerField(default=0, verbose_name='จำนวนการเปลี่ยนแปลง')),
            ],
            options={
                'verbose_name': 'รุ่นข้อมูลของจังหวัด',
                'verbose_name_plural': 'รุ่นข้อมูลของจังหวัด',
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
