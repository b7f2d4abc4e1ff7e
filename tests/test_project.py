"""The project folder: init, finding it, lextm.toml read and written exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from lextm.errors import ConflictError, NotFoundError, ProjectError, UsageError
from lextm.project import (
    DocumentInfo,
    ProjectConfig,
    VersionInfo,
    find_project,
    init_project,
    load_project,
    render_config,
)


def test_init_creates_folders(tmp_path: Path) -> None:
    """`init` creates lextm.toml, glossary/, tm/ and a git-ignored .lextm/."""
    project = init_project(tmp_path / "p")
    root = tmp_path / "p"
    assert project.config_path.is_file()
    assert (root / "glossary").is_dir() and (root / "tm").is_dir() and (root / ".lextm").is_dir()
    assert ".lextm/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_init_twice_refused(tmp_path: Path) -> None:
    """A second init in the same folder is refused, naming the file."""
    init_project(tmp_path)
    with pytest.raises(UsageError, match=r"lextm\.toml"):
        init_project(tmp_path)


def test_found_from_subfolder(tmp_path: Path) -> None:
    """Commands find the project from any folder below it."""
    init_project(tmp_path)
    deep = tmp_path / "tm" / "x"
    deep.mkdir(parents=True)
    assert find_project(deep).root == tmp_path.resolve()


def test_not_a_project(tmp_path: Path) -> None:
    """Outside a project the error says so and how to make one."""
    with pytest.raises(ProjectError, match="not inside a lextm project"):
        find_project(tmp_path)


def test_explicit_project(tmp_path: Path) -> None:
    """--project names the folder directly."""
    init_project(tmp_path / "p")
    assert find_project(Path("/"), explicit=tmp_path / "p").root == (tmp_path / "p").resolve()


def _config() -> ProjectConfig:
    versions = (
        VersionInfo("2023", "2023-12-29", "revision", "sha256:b"),
        VersionInfo("2018", "2018-10-26", "amendment", "sha256:a"),
    )
    doc = DocumentInfo(
        "prc-company-law",
        {"zh": "中华人民共和国公司法", "en": "Company Law"},
        "PRC",
        "translate",
        versions,
    )
    return ProjectConfig(documents=(doc,), settings={"fuzzy_threshold": 75})


def test_config_round_trip(tmp_path: Path) -> None:
    """lextm.toml written and read back gives the same configuration."""
    project = init_project(tmp_path)
    project.save(_config())
    loaded = load_project(tmp_path).config
    assert loaded.documents[0].ordered() == _config().documents[0].ordered()
    assert loaded.documents[0].titles == _config().documents[0].titles
    assert loaded.settings == {"fuzzy_threshold": 75}


def test_config_bytes_stable() -> None:
    """The same configuration always renders to the same bytes, versions ordered by date."""
    text = render_config(_config())
    assert text == render_config(_config())
    assert text.index('label = "2018"') < text.index('label = "2023"')


def test_versions_ordered_by_date_not_label() -> None:
    """Version order comes from the date, never from the label."""
    doc = DocumentInfo(
        "x", versions=(VersionInfo("b-first", "2001-01-01"), VersionInfo("a-later", "2010-01-01"))
    )
    assert [v.label for v in doc.ordered()] == ["b-first", "a-later"]


def test_unknown_document_named(tmp_path: Path) -> None:
    """Asking for a missing document lists the known ones."""
    with pytest.raises(NotFoundError, match="prc-company-law"):
        _config().document("nope")


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ('[[documents]]\nslug = "Bad Slug"\n', "slug"),
        ('[[documents]]\nslug = "x"\nrole = "boss"\n', "role"),
        (
            '[[documents]]\nslug = "x"\n[[documents.versions]]\n'
            'label = "a b"\ndate = "2020-01-01"\n',
            "label",
        ),
        (
            '[[documents]]\nslug = "x"\n[[documents.versions]]\nlabel = "v"\ndate = "2020/1/1"\n',
            "ISO date",
        ),
        ("[project\n", "not valid TOML"),
    ],
    ids=["slug", "role", "label", "date", "syntax"],
)
def test_bad_config(tmp_path: Path, snippet: str, message: str) -> None:
    """A broken lextm.toml is a clear error naming the file."""
    (tmp_path / "lextm.toml").write_text(snippet, encoding="utf-8")
    with pytest.raises(ProjectError, match=message) as caught:
        load_project(tmp_path)
    assert "lextm.toml" in str(caught.value)


def test_config_changed_on_disk(tmp_path: Path) -> None:
    """A lextm.toml edited by someone since it was read is not overwritten."""
    project = init_project(tmp_path)
    (tmp_path / "lextm.toml").write_text(render_config(_config()) + "# edited\n", encoding="utf-8")
    with pytest.raises(ConflictError, match="changed on disk"):
        project.save(_config())
    assert "# edited" in (tmp_path / "lextm.toml").read_text(encoding="utf-8")
