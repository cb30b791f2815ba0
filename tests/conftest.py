"""Shared fixtures: an isolated data directory with a real SQLite database, users, generated files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Like a minimal Linux machine: no secure keyring unless a test sets one up (`secure_keyring`).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from tests.run_day import TODAY  # sets DESK_TEST_TODAY for the processes tests start

# The run judges as one day in this process and, through sitecustomize, in every process it starts.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(Path(__file__).parent / "pin_day"), *filter(None, [os.environ.get("PYTHONPATH")])]
)

from app import categories, desk_day, users
from app.db.models import User
from app.paths import Paths
from app.roles import Role
from app.workspace import Workspace
from tests.pg_server import PostgresServer

PASSWORD = "test-password-1"
desk_day.today = lambda: TODAY


@pytest.fixture
def secure_keyring(tmp_path: Path) -> Iterator[object]:
    """A real keyring backend: keyrings.alt's encrypted file, unlocked with a test passphrase."""
    import keyring
    from keyrings.alt.file import EncryptedKeyring

    backend = EncryptedKeyring()
    backend.file_path = str(tmp_path / "keyring" / "crypted_pass.cfg")
    backend.keyring_key = "keyring-test-passphrase"
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the whole run, started here (see tests/pg_server.py)."""
    server = PostgresServer().start()
    yield server
    server.close()


@pytest.fixture(scope="session")
def migrated_postgres(postgres: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database the desk's migrations ran on once: each test's database is a copy of it (running
    the migrations costs a second or more, a copy a tenth of that)."""
    url = postgres.create_database()
    Workspace.open(tmp_path_factory.mktemp("pg-template") / "data", url).close()
    return str(make_url(url).database)


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQLite counterpart of `migrated_postgres`: a migrated file copied into each test's data directory."""
    data_dir = tmp_path_factory.mktemp("sqlite-template") / "data"
    Workspace.open(data_dir).close()
    return Paths(data_dir).database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | None]:
    """Every test that uses the desk's database runs twice: on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        yield None
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    url = server.create_database(template=request.getfixturevalue("migrated_postgres"))
    yield url
    server.drop_database(url)


def desk_args(workspace: Workspace) -> list[str]:
    """The command-line options that point a headless desk at this workspace (and its database)."""
    args = ["--data-dir", str(workspace.paths.data_dir)]
    if not workspace.db.is_sqlite:
        args += ["--db", workspace.db.url.render_as_string(hide_password=False)]
    return args


def sqlite_only(workspace: Workspace, reason: str) -> None:
    """Skips the PostgreSQL run of a test about the embedded SQLite file itself, saying why."""
    if not workspace.db.is_sqlite:
        pytest.skip(f"SQLite only: {reason}")


@pytest.fixture
def workspace(
    request: pytest.FixtureRequest, tmp_path: Path, database_url: str | None
) -> Iterator[Workspace]:
    data_dir = tmp_path / "data"
    if database_url is None:
        template: Path = request.getfixturevalue("migrated_sqlite")
        data_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, Paths(data_dir).database)
    ws = Workspace.open(data_dir, database_url)
    yield ws
    ws.close()


@dataclass(frozen=True)
class People:
    admin: int
    clerk: int
    clerk2: int
    reviewer: int
    clerk_reviewer: int
    publisher: int
    outsider_reviewer: int


@pytest.fixture
def people(workspace: Workspace) -> People:
    """A department with one person per role, a clerk who is also a reviewer, and a reviewer elsewhere."""
    with workspace.db.write() as s:
        dept = users.create_department(s, None, "测试市数据局", "TEST00001")
        admin = users.create_user(
            s,
            None,
            login="admin",
            display_name="管理员",
            password=PASSWORD,
            roles=[Role.ADMIN],
            department=dept,
        )

        def add(login: str, name: str, roles: list[Role], department=dept) -> User:
            return users.create_user(
                s,
                admin,
                login=login,
                display_name=name,
                password=PASSWORD,
                roles=roles,
                department=department,
            )

        other = users.create_department(s, admin, "测试市财政局", "TEST00002")
        for parent, name in (
            ("城乡建设、环境保护", "城市管理"),
            ("市场监管、安全生产监管", "安全生产"),
            ("卫生、体育", "医疗保障"),
            ("财政、金融、审计", "预算"),
        ):
            categories.add(s, admin, parent, name)
        return People(
            admin=admin.id,
            clerk=add("clerk", "经办甲", [Role.CLERK]).id,
            clerk2=add("clerk2", "经办乙", [Role.CLERK]).id,
            reviewer=add("reviewer", "审查丙", [Role.REVIEWER]).id,
            clerk_reviewer=add("both", "兼任丁", [Role.CLERK, Role.REVIEWER]).id,
            publisher=add("publisher", "发布戊", [Role.PUBLISHER]).id,
            outsider_reviewer=add("outsider", "外部门审查", [Role.REVIEWER], other).id,
        )


@pytest.fixture
def sample_files(tmp_path: Path) -> dict[str, Path]:
    """One real file per supported kind, generated here."""
    from review import samples

    folder = tmp_path / "incoming"
    folder.mkdir()
    made = {
        "clean": samples.clean_notice(),
        "pdf": samples.marked_notice(),
        "docx": samples.minutes_docx(),
        "txt": samples.gbk_text_notice(),
    }
    paths = {}
    for key, doc in made.items():
        path = folder / doc.name
        path.write_bytes(doc.data)
        paths[key] = path
    return paths


@pytest.fixture(scope="session")
def qapp_cls():
    from app.ui.application import DeskApplication

    return DeskApplication


@pytest.fixture
def desk_app(qapp, tmp_path_factory):
    """The desk's own QApplication, with its CJK font and the Chinese UI."""
    from app.paths import Paths

    if qapp.cjk_family is None:
        qapp.configure(Paths(tmp_path_factory.mktemp("ui-cache")), "zh_CN")
    return qapp


def approve_clean(workspace, reviewer_id: int, document_id: int, expected_version=None):
    """Checks a document without blocking findings and approves it the only way there is."""
    from app.checking import check_document
    from app.reviewing import Conclusion, approve

    check_document(workspace.db, None, document_id, workspace.paths.cache_dir)
    return approve(
        workspace.db,
        reviewer_id,
        document_id,
        expected_version,
        Conclusion.DISCLOSE,
        "同意公开",
        workspace.paths.cache_dir,
    )


CATALOG_DEFAULTS = {
    "title": "关于做好冬季供暖保障工作的通知",
    "written_on": "2026-11-10",
    "category": "城乡建设、环境保护\\城市管理",  # a leaf the `people` fixture adds
}


def fill_catalog_fields(session, user, document_id: int) -> None:
    """Completes a draft's 文件信息 where submission asks for it, as its clerk would (fields already
    right are kept). A 成文日期 given is the day the last check judged as of, so that check stands."""
    import datetime as dt

    from app import documents
    from app.checking import latest_run
    from app.submission import missing_for_submission

    missing: dict[str, object] = {
        issue.field: CATALOG_DEFAULTS[issue.field] for issue in missing_for_submission(session, document_id)
    }
    if "written_on" in missing:
        run = latest_run(session, document_id)
        judged_on = run.document_date if run is not None else None
        missing["written_on"] = judged_on or dt.date.fromisoformat(CATALOG_DEFAULTS["written_on"])
    if missing:
        documents.update_metadata(session, user, document_id, None, **missing)


def submit_draft(session, user, document_id: int):
    """Submits a draft the way a clerk does: 文件信息 completed, then 提交审查."""
    from app.workflow import Action, perform

    fill_catalog_fields(session, user, document_id)
    return perform(session, user, document_id, Action.SUBMIT, expected_version=None)


def approved_document(
    workspace,
    people,
    path,
    title: str = "关于做好冬季供暖保障工作的通知",
    category: str = "城乡建设、环境保护\\城市管理",
    doc_number: str = "",
) -> int:
    """A clean draft with its catalog details, submitted by the clerk and approved by the reviewer."""
    import datetime as dt

    from app import documents
    from app.workflow import Action, perform

    doc_id = documents.import_file(workspace.db, people.clerk, path)
    with workspace.db.write() as s:
        clerk = s.get_one(User, people.clerk)
        documents.update_metadata(
            s,
            clerk,
            doc_id,
            None,
            title=title,
            doc_type="通知",
            category=category,
            written_on=dt.date(2026, 11, 10),
            doc_number=doc_number,
        )
        perform(s, clerk, doc_id, Action.SUBMIT, expected_version=None)
    approve_clean(workspace, people.reviewer, doc_id)
    return doc_id


@dataclass
class Online:
    workspace: Workspace
    admin: int
    publisher: int


@pytest.fixture
def online(tmp_path, migrated_sqlite):
    """A second desk: the online machine that takes in transfer packages, with an administrator and a publisher."""
    (tmp_path / "online").mkdir()
    shutil.copyfile(migrated_sqlite, Paths(tmp_path / "online").database)
    ws = Workspace.open(tmp_path / "online")
    with ws.db.write() as s:
        dept = users.create_department(s, None, "测试市政务公开办", "ONLINE001")
        admin = users.create_user(
            s,
            None,
            login="admin",
            display_name="管理员",
            password=PASSWORD,
            roles=[Role.ADMIN],
            department=dept,
        )
        publisher = users.create_user(
            s,
            admin,
            login="publisher",
            display_name="发布员",
            password=PASSWORD,
            roles=[Role.PUBLISHER],
            department=dept,
        )
        ids = admin.id, publisher.id
    yield Online(ws, *ids)
    ws.close()


def pytest_terminal_summary(terminalreporter):
    """The fault suite's figures (tests/test_fault_suite.py), summed from its tests' reports."""
    totals, lines = [0, 0, 0, 0], []
    for reports in terminalreporter.stats.values():
        for report in reports:
            if getattr(report, "when", "") != "teardown":
                continue
            for name, value in getattr(report, "user_properties", ()):
                if name == "fault_suite":
                    counts, notes = value
                    totals = [t + c for t, c in zip(totals, counts, strict=True)]
                    lines += notes
    if any(totals):
        injected, survived, inputs, handled = totals
        terminalreporter.write_line(
            f"fault suite: {injected} faults injected, {survived} survived; {inputs} malformed inputs, {handled} handled"
        )
        for line in lines:
            terminalreporter.write_line(f"  {line}")
