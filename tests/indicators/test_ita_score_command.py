import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from indicators.management.commands.ita_score import Command

pytestmark = pytest.mark.django_db
EXAMPLE = "93.55,87.72,91.01,87.93,89.52,90.55,88.68,88.58,72.89,65.56"


def run(*args):
    out = StringIO()
    call_command("ita_score", *args, stdout=out)
    return json.loads(out.getvalue())


def test_prints_one_json_object_with_tools_total_and_grade(criteria):
    data = run("--year", "2564", "--scores", EXAMPLE)
    assert data["total"] == 81.45 and data["grade"] == "B"
    assert (data["iit"], data["eit"], data["oit"]) == (89.95, 89.27, 69.23)
    assert data["gap_to_target"] == 3.55


def test_rating_for_2566_and_thai_digits_accepted(criteria):
    data = run("--year", "๒๕๖๖", "--scores", ",".join(["๙๐"] * 10))
    assert data["rating"] == "ผ่านดี" and "grade" not in data


def test_oit_from_items(criteria):
    data = run("--year", "2565", "--scores", ",".join(["90"] * 8), "--oit-missing", "O3")
    assert data["indicators"]["9"] == 97.78 and data["indicators"]["10"] == 100.0


@pytest.mark.parametrize(("args", "message"), [
    (["--year", "2564", "--scores", "1,2,3"], "ต้องมีคะแนน 10 ค่า"),
    (["--year", "2564", "--scores", ",".join(["90"] * 9 + ["100.5"])], "ระหว่าง 0 ถึง 100"),
    (["--year", "2564", "--scores", ",".join(["90"] * 9 + ["abc"])], "ต้องเป็นตัวเลข"),
    (["--year", "2599", "--scores", EXAMPLE], "ไม่พบเกณฑ์ของปี 2599"),
    (["--year", "2565", "--scores", "1,2,3,4,5,6,7,8", "--oit-missing", "O99"], "ไม่มีข้อ OIT"),
])
def test_bad_input_is_a_clear_error_with_status_2(criteria, args, message):
    with pytest.raises(CommandError, match=message) as info:
        call_command("ita_score", *args)
    assert info.value.returncode == 2


def test_exit_status_from_the_command_line_is_2(criteria, capsys):
    with pytest.raises(SystemExit) as info:
        Command().run_from_argv(["manage.py", "ita_score", "--year", "2564", "--scores", "1"])
    assert info.value.code == 2
    assert "ต้องมีคะแนน 10 ค่า" in capsys.readouterr().err
