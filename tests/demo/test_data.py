"""The demo's data files: they parse, and a mistake in one is named by file and key."""

import shutil
from datetime import date
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from teilhabe.demo import loader
from teilhabe.demo.loader import DATA_DIR, DemoDataError
from teilhabe.programmes.models import Programme
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def replace_once(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_every_data_file_parses(path):
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict)


def test_the_data_files_pass_the_checks():
    files = loader.read()

    listed = {f"{name}.yaml" for name in files}
    assert listed == {path.name for path in DATA_DIR.glob("*.yaml")}


def test_an_unknown_actor_category_is_named_by_file_and_key(data_dir):
    replace_once(
        data_dir / "neckarbrueck.yaml",
        "category: migrant-organisations",
        "category: vereine",
    )

    with pytest.raises(DemoDataError) as error:
        loader.read(data_dir)

    assert str(error.value).startswith(
        "neckarbrueck.yaml: actors[0].category: unknown value 'vereine' (known: administration,"
    )


def test_an_unknown_key_is_named_with_the_keys_allowed(data_dir):
    replace_once(data_dir / "lindenau.yaml", "    involvement: ", "    involvment: ")

    with pytest.raises(
        DemoDataError, match=r"^lindenau\.yaml: actors\[0\]\.involvment: unknown key"
    ):
        loader.read(data_dir)


def test_an_unknown_person_is_named(data_dir):
    replace_once(data_dir / "kochertal.yaml", "by: seitz", "by: seiz")

    with pytest.raises(DemoDataError, match=r"kochertal\.yaml: .*by: unknown value 'seiz'"):
        loader.read(data_dir)


def test_broken_yaml_is_named_by_file(data_dir):
    (data_dir / "sommerau.yaml").write_text("municipality: [sommerau\n", encoding="utf-8")

    with pytest.raises(DemoDataError, match=r"^sommerau\.yaml: not valid YAML"):
        loader.read(data_dir)


def test_dates_count_from_their_anchor_or_say_what_is_wrong():
    anchors = {"today": date(2026, 6, 15), "start": date(2026, 1, 10)}

    assert loader.day("today - 30", anchors, "x") == date(2026, 5, 16)
    assert loader.day("start + 6", anchors, "x") == date(2026, 1, 16)
    assert loader.day("today - 270, first of month", anchors, "x") == date(2025, 9, 1)
    assert loader.day("start, end of next year", anchors, "x") == date(2027, 12, 31)
    assert loader.day(date(2018, 4, 9), anchors, "x") == date(2018, 4, 9)
    with pytest.raises(DemoDataError, match=r"^a\.yaml: process\[2\]\.date: cannot read"):
        loader.day("tomorrow - 3", anchors, "a.yaml: process[2].date")


def test_load_demo_refuses_to_mix_with_existing_data():
    MunicipalityFactory(name="Echt", ags="08129004")

    with pytest.raises(CommandError, match="08129004"):
        call_command("load_demo", stdout=StringIO())

    assert not Programme.objects.exists()
