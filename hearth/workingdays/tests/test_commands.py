import io
import json

import pytest
from django.core.management import CommandError, call_command

from hearth.core.models import AuditEvent
from hearth.workingdays.models import BankHoliday

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_bank_holidays", *args, stdout=out)
    return out.getvalue()


def test_it_loads_bank_holidays_once_however_often_it_runs():
    assert run("--from-year", "2025", "--to-year", "2026") == (
        "Added 16 bank holidays for 2025 to 2026.\n"
    )
    assert run("--from-year", "2025", "--to-year", "2026") == (
        "Added 0 bank holidays for 2025 to 2026.\n"
    )
    assert BankHoliday.objects.count() == 16
    assert AuditEvent.objects.filter(system_job="load_bank_holidays").count() == 16


def test_it_loads_a_downloaded_gov_uk_list(tmp_path):
    downloaded = tmp_path / "bank-holidays.json"
    downloaded.write_text(
        json.dumps(
            {"england-and-wales": {"events": [{"title": "Coronation", "date": "2023-05-08"}]}}
        )
    )
    output = run("--from-year", "2023", "--to-year", "2023", "--gov-uk-json", str(downloaded))
    assert output == "Added 1 bank holiday for 2023 to 2023.\n"
    assert BankHoliday.objects.get().source == BankHoliday.Source.GOV_UK_LIST


def test_it_explains_a_file_it_cannot_read(tmp_path):
    with pytest.raises(CommandError, match="Could not read"):
        run("--gov-uk-json", str(tmp_path / "missing.json"))


def test_it_refuses_years_the_wrong_way_round():
    with pytest.raises(CommandError, match="--from-year must not be after --to-year"):
        run("--from-year", "2027", "--to-year", "2026")
