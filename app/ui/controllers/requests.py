"""依申请公开 on the desk: the requests window and what is done from it — registering, 补正, 延期,
征求意见, the answer (its 答复书 draft, the files given, the outcome), the applicant's package and
Art. 44's move to 主动公开. Laying out and signing run off the UI thread (app.ui.tasks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app import desk_day, info_requests, request_answers
from app.atomic import write_bytes_atomic
from app.db.models import User
from app.errors import QT_TRANSLATE_NOOP
from app.info_requests import Channel, Outcome, Party
from app.request_answers import LETTER_FOR_OUTCOME, AnswerInput
from app.ui.i18n import vocabulary
from app.ui.request_dialogs import DraftAnswerDialog, Field, FormDialog, RegisterDialog
from app.ui.requests_view import RequestsWindow
from publish.answer_letter import LetterKind, template_facts
from publish.request_outcomes import ApplicantKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.ui.main_window import MainWindow

NOTE: Field = ("note", QT_TRANSLATE_NOOP("RequestsController", "备注"), "note", ())


class RequestsController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.view: RequestsWindow | None = None
        self.open_action = self._action(self.tr("依申请公开…"), self.open_requests)
        self.register_action = self._action(self.tr("登记申请…"), self.register)
        self.refresh_action = self._action(self.tr("刷新"), self.refresh)
        self.clock_actions = [
            self._action(self.tr("告知补正…"), self.ask_supplement),
            self._action(self.tr("收到补正…"), self.supplement_received),
            self._action(self.tr("延期答复…"), self.extend),
            self._action(self.tr("征求意见…"), self.consult),
            self._action(self.tr("收到意见…"), self.consultation_answered),
            self._action(self.tr("生成补正告知书…"), lambda: self.save_notice(LetterKind.SUPPLEMENT)),
            self._action(self.tr("生成延期答复告知书…"), lambda: self.save_notice(LetterKind.EXTENSION)),
        ]
        self.answer_actions = [
            self._action(self.tr("起草答复书…"), self.draft_answer),
            self._action(self.tr("在主窗口中打开答复书"), self.open_answer),
            self._action(self.tr("添加提供给申请人的文件…"), self.add_disclosure),
            self._action(self.tr("登记答复…"), self.record_answer),
            self._action(self.tr("导出答复材料包…"), self.export_package),
            self._action(self.tr("转为主动公开（第四十四条）"), self.publish_proactive),
        ]

    def _action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda: slot())
        return action

    # -- the window ---------------------------------------------------------------------------------

    def open_requests(self) -> RequestsWindow:
        if self.view is None:
            self.view = RequestsWindow(
                self.register_action,
                [(self.tr("办理"), self.clock_actions), (self.tr("答复"), self.answer_actions)],
                self.refresh_action,
                self.window,
            )
            self.view.show_closed.toggled.connect(lambda _: self.refresh())
        self.refresh()
        self.view.show()
        self.view.raise_()
        return self.view

    def refresh(self) -> None:
        if self.view is None:
            return
        w = self.window
        with w.db.read() as session:
            rows = request_answers.request_rows(
                session, session.get_one(User, w.user_id), include_closed=self.view.show_closed.isChecked()
            )
        self.view.set_rows(rows)

    def _selected(self) -> int | None:
        row = self.view.current() if self.view is not None else None
        if row is None:
            self.window.say(self.tr("请先选择一件申请。"))
            return None
        return row.id

    def _form(self, title: str, fields: list[Field], save: Callable[[dict[str, Any]], object]) -> FormDialog:
        """A form whose OK saves; the list is refreshed after it."""
        dialog = FormDialog(
            title, [(k, self.tr(label), kind, c) for k, label, kind, c in fields], save, self.view
        )
        self.window.last_dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _write(self, act: Callable[[Session, User], object]) -> None:
        with self.window.db.write() as session:
            act(session, session.get_one(User, self.window.user_id))

    # -- registering and the clock ------------------------------------------------------------------

    def register(self) -> RegisterDialog:
        fields: list[Field] = [
            ("kind", self.tr("申请人类型"), "choice", [(k.value, k.label) for k in ApplicantKind]),
            ("name", self.tr("申请人姓名或名称"), "text", ()),
            ("contact", self.tr("联系方式（答复送达用）"), "text", ()),
            ("content", self.tr("所需信息的内容描述"), "note", ()),
            ("ref", self.tr("信息标识（申请相同信息的填同一标识）"), "text", ()),
            ("channel", self.tr("申请方式"), "choice", [(c.value, c.label) for c in Channel]),
            ("received", self.tr("收到日期（邮寄的为签收之日）"), "date", ()),
        ]
        dialog = RegisterDialog(fields, self._register, self.window.choose_files, self.view)
        self.window.last_dialog = dialog
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _register(self, v: dict[str, Any]) -> None:
        from app.documents import read_source

        files = [(p.name, read_source(p)) for p in v["files"]]  # refused before anything is written

        def act(session: Session, user: User) -> None:
            row = info_requests.register(
                session,
                user,
                applicant_kind=ApplicantKind(v["kind"]),
                applicant_name=v["name"],
                applicant_contact=v["contact"],
                content=v["content"],
                channel=Channel(v["channel"]),
                received_on=v["received"],
                content_ref=v["ref"],
            )
            for name, data in files:
                info_requests.attach(session, user, row.id, name, data)

        self._write(act)

    def ask_supplement(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        fields: list[Field] = [
            ("on", QT_TRANSLATE_NOOP("RequestsController", "告知日期"), "date", ()),
            ("until", QT_TRANSLATE_NOOP("RequestsController", "补正期限"), "date", ()),
            ("note", QT_TRANSLATE_NOOP("RequestsController", "需要补正的事项（每行一项）"), "note", ()),
        ]
        return self._form(
            self.tr("告知补正"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.request_supplement(s, u, rid, v["on"], v["until"], v["note"])
            ),
        )

    def supplement_received(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        fields: list[Field] = [
            ("on", QT_TRANSLATE_NOOP("RequestsController", "收到补正日期"), "date", ()),
            NOTE,
        ]
        return self._form(
            self.tr("收到补正"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.supplement_received(s, u, rid, v["on"], v["note"])
            ),
        )

    def extend(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        fields: list[Field] = [
            ("on", QT_TRANSLATE_NOOP("RequestsController", "延期决定日期"), "date", ()),
            ("consented_by", QT_TRANSLATE_NOOP("RequestsController", "同意延期的工作机构负责人"), "text", ()),
            ("days", QT_TRANSLATE_NOOP("RequestsController", "延长的工作日数"), "int", ()),
            ("note", QT_TRANSLATE_NOOP("RequestsController", "延期理由（写入延期答复告知书）"), "note", ()),
        ]
        return self._form(
            self.tr("延期答复"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.extend(
                    s, u, rid, v["on"], consented_by=v["consented_by"], days=v["days"], note=v["note"]
                )
            ),
        )

    def consult(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        fields: list[Field] = [
            (
                "party",
                QT_TRANSLATE_NOOP("RequestsController", "征求谁的意见"),
                "choice",
                [(p.value, p.label) for p in Party],
            ),
            ("on", QT_TRANSLATE_NOOP("RequestsController", "发出日期"), "date", ()),
            NOTE,
        ]
        return self._form(
            self.tr("征求意见"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.consultation_sent(s, u, rid, v["on"], Party(v["party"]), v["note"])
            ),
        )

    def consultation_answered(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        fields: list[Field] = [
            ("on", QT_TRANSLATE_NOOP("RequestsController", "收到意见日期"), "date", ()),
            NOTE,
        ]
        return self._form(
            self.tr("收到意见"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.consultation_answered(s, u, rid, v["on"], note=v["note"])
            ),
        )

    def save_notice(self, kind: LetterKind) -> None:
        """The 补正 or 延期 letter from the request's recorded action, saved where the clerk says
        (and kept with the request as a letter sent out)."""
        row = self.view.current() if self.view is not None else None
        if row is None:
            self.window.say(self.tr("请先选择一件申请。"))
            return
        w = self.window
        target = w.choose_save_path(f"{vocabulary(kind.label)}（{row.number}）.pdf")
        if not target:
            return

        def work() -> str:
            _, pdf = request_answers.make_notice(
                w.db, w.user_id, row.id, kind, desk_day.today(), w.workspace.paths.data_dir
            )
            write_bytes_atomic(Path(target), pdf)
            return target

        self._run(work, lambda path: self.tr("已生成并保存：{path}").format(path=path))

    # -- the answer ---------------------------------------------------------------------------------

    def record_answer(self) -> FormDialog | None:
        if (rid := self._selected()) is None:
            return None
        outcomes = [(o.value, o.label) for o in Outcome if o is not Outcome.WITHDRAWN]
        fields: list[Field] = [
            ("outcome", QT_TRANSLATE_NOOP("RequestsController", "处理结果"), "choice", outcomes),
            ("on", QT_TRANSLATE_NOOP("RequestsController", "答复日期"), "date", ()),
            ("detail", QT_TRANSLATE_NOOP("RequestsController", "处理说明"), "note", ()),
        ]
        current = self.view.current() if self.view is not None else None
        answer_id = current.answer_document_id if current is not None else None
        return self._form(
            self.tr("登记答复"),
            fields,
            lambda v: self._write(
                lambda s, u: info_requests.record_answer(
                    s, u, rid, Outcome(v["outcome"]), v["on"], v["detail"], answer_document_id=answer_id
                )
            ),
        )

    def draft_answer(self) -> DraftAnswerDialog | None:
        if (rid := self._selected()) is None:
            return None
        w = self.window
        data_dir = w.workspace.paths.data_dir
        folders = request_answers.template_folders(data_dir)

        def facts_of(outcome: str) -> list[str]:
            kind = LETTER_FOR_OUTCOME.get(Outcome(outcome))
            return template_facts(kind, folders) if kind is not None else []

        def answer(v: dict[str, Any]) -> AnswerInput:
            return AnswerInput(Outcome(v["outcome"]), v["issued_on"], v["facts"])

        dialog = DraftAnswerDialog(
            [(o.value, o.label) for o in LETTER_FOR_OUTCOME],
            facts_of,
            lambda v: request_answers.draft_text(w.db, w.user_id, rid, answer(v), data_dir),
            self.view,
        )
        w.last_dialog = dialog

        def save() -> None:
            v = dialog.values()
            self._run(
                lambda: request_answers.draft_answer(w.db, w.user_id, rid, answer(v), data_dir, v["text"]),
                lambda doc_id: self.tr("答复书草稿已保存为文件 #{id}：请检查并提交审查。").format(id=doc_id),
            )

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def open_answer(self) -> None:
        """Shows the answer's draft in the main window, where it is checked, submitted and reviewed."""
        row = self.view.current() if self.view is not None else None
        if row is None or row.answer_document_id is None:
            self.window.say(self.tr("所选申请还没有答复书。"))
            return
        self.window.open_document(row.answer_document_id)
        self.window.activateWindow()

    def add_disclosure(self) -> None:
        if (rid := self._selected()) is None:
            return
        w = self.window
        paths = [Path(p) for p in w.choose_files()]
        if not paths:
            return

        def work() -> list[int]:
            return [request_answers.add_disclosure(w.db, w.user_id, rid, p) for p in paths]

        self._run(
            work,
            lambda ids: self.tr(
                "已添加 {count} 个文件（只交付申请人）：请检查、审查，不予公开的部分须写明依据。"
            ).format(count=len(ids)),
        )

    def export_package(self) -> None:
        row = self.view.current() if self.view is not None else None
        if row is None:
            self.window.say(self.tr("请先选择一件申请。"))
            return
        w = self.window
        target = w.choose_save_path(self.tr("答复材料（{number}）.zip").format(number=row.number))
        if not target:
            return
        passphrase = w.ask_secret(self.tr("导出答复材料包"), self.tr("本部门签名私钥的口令："))
        if not passphrase:
            return

        def work() -> Any:
            return request_answers.export_package(
                w.db, w.user_id, row.id, Path(target), lambda: passphrase, w.workspace.paths.keys_dir
            )

        self._run(
            work,
            lambda summary: self.tr("答复材料包已导出：{path}（{count} 个文件，已签名）").format(
                path=summary.path, count=len(summary.files)
            ),
        )

    def publish_proactive(self) -> None:
        if (rid := self._selected()) is None:
            return
        w = self.window
        if not w.confirm(
            self.tr("将本申请已批准的公开文件另建为主动公开草稿（不带申请人信息），按主动公开流程审查发布？")
        ):
            return
        self._run(
            lambda: request_answers.publish_proactive(w.db, w.user_id, rid, desk_day.today()),
            lambda ids: self.tr("已另建主动公开草稿 {ids}，请在“我的草稿”中检查并提交审查。").format(
                ids="、".join(f"#{i}" for i in ids)
            ),
        )

    def _run(self, work: Callable[[], Any], said: Callable[[Any], str]) -> None:
        """`work` off the UI thread; then the list and the desk's queues refresh and the desk says `said`."""
        w = self.window

        def done(result: Any) -> None:
            self.refresh()
            w.refresh()
            w.say(said(result))

        w.runner.start(lambda _task: work(), done, w.show_unexpected)
