"""Administrators set the department's 索引号 scheme, grow the 主题分类 tree, set the sign-off chain of
the department's 保密审查单 and the footer of its static site."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import categories, desk_day, sign_off, site_footer
from app.catalog import department_scheme, save_scheme
from app.db.database import Database
from app.db.models import User
from app.errors import TranslatableError
from app.ui.i18n import error_text
from publish.index_number import IndexScheme


class CatalogSettingsDialog(QDialog):
    def __init__(self, db: Database, user_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.user_id = db, user_id
        self.setWindowTitle(self.tr("目录设置"))
        with db.read() as session:
            user = session.get_one(User, user_id)
            scheme = department_scheme(session, user.department) if user.department else IndexScheme("X")
            self._suggested_codes = categories.suggested_codes(session)
            steps = sign_off.chain(session, user.department_id)
            footer = (
                site_footer.identity(session, user.department_id, user.department.name)
                if user.department_id is not None and user.department is not None
                else None
            )
        self.prefix = QLineEdit(scheme.prefix, self)
        self.date_format = QComboBox(self)
        self.date_format.addItems(["YYYY", "YYYYMM"])
        self.date_format.setCurrentText(scheme.date_format)
        self.digits = QSpinBox(self)
        self.digits.setRange(3, 8)
        self.digits.setValue(scheme.serial_digits)
        self._digits = scheme.serial_digits
        self.reset = QComboBox(self)
        self.reset.addItem(self.tr("按年重置"), "yearly")
        self.reset.addItem(self.tr("按月重置"), "monthly")
        self.reset.setCurrentIndex(self.reset.findData(scheme.reset))
        self.serial_scope = QComboBox(self)
        self.serial_scope.addItem(self.tr("全部门统一编号"), "department")
        self.serial_scope.addItem(self.tr("按主题分类分别编号"), "category")
        self.serial_scope.setCurrentIndex(self.serial_scope.findData(scheme.serial_scope))
        # This machine's 号段: when an air-gapped machine and this one both publish for the department.
        self.serial_first = QSpinBox(self)
        self.serial_last = QSpinBox(self)
        for spin in (self.serial_first, self.serial_last):
            spin.setRange(1, 99_999_999)
        self.serial_first.setValue(scheme.serial_first)
        self.serial_last.setValue(scheme.segment_last)
        self.serial_first.setToolTip(
            self.tr("离线审查机和联网机都为本部门发布时，两台机器各用一段互不重叠的流水号，索引号就不会重号")
        )
        self.prefix_separator = QLineEdit(scheme.prefix_separator, self)
        self.serial_separator = QLineEdit(scheme.serial_separator, self)
        self.preview = QLabel(self)
        for w in (self.prefix, self.prefix_separator, self.serial_separator):
            w.textChanged.connect(self.update_preview)
        for combo in (self.date_format, self.reset, self.serial_scope):
            combo.currentIndexChanged.connect(self.update_preview)
        self.digits.valueChanged.connect(self._digits_changed)
        self.serial_first.valueChanged.connect(self.update_preview)
        self.serial_last.valueChanged.connect(self.update_preview)
        self._category_codes = dict(scheme.category_codes)
        form = QFormLayout()
        form.addRow(self.tr("前缀（机构代码）"), self.prefix)
        form.addRow(self.tr("前缀后分隔符"), self.prefix_separator)
        form.addRow(self.tr("日期格式"), self.date_format)
        form.addRow(self.tr("流水号前分隔符"), self.serial_separator)
        form.addRow(self.tr("流水号位数"), self.digits)
        form.addRow(self.tr("流水号重置"), self.reset)
        form.addRow(self.tr("流水号范围"), self.serial_scope)
        segment = QWidget(self)
        segment_row = QHBoxLayout(segment)
        segment_row.setContentsMargins(0, 0, 0, 0)
        segment_row.addWidget(self.serial_first, 1)
        segment_row.addWidget(QLabel("–", segment))
        segment_row.addWidget(self.serial_last, 1)
        form.addRow(self.tr("本机号段"), segment)
        form.addRow(self.tr("示例"), self.preview)
        scheme_box = QGroupBox(self.tr("索引号方案"), self)
        scheme_box.setLayout(form)

        self.sign_off = QLineEdit(" → ".join(steps), self)
        self.sign_off.setMinimumWidth(self.sign_off.fontMetrics().horizontalAdvance("经办人 → " * 5))
        self.sign_off.setToolTip(
            self.tr("按签批顺序填写，用“→”、顿号或空格分隔；此后生成的保密审查单按此签批，已生成的不变")
        )
        sign_off_button = QPushButton(self.tr("保存签批环节"), self)
        sign_off_button.clicked.connect(lambda: self.save_sign_off())
        sign_off_box = QGroupBox(self.tr("保密审查单签批环节"), self)
        sign_off_rows = QVBoxLayout(sign_off_box)  # the whole chain on a line of its own
        sign_off_rows.addWidget(self.sign_off)
        sign_off_buttons = QHBoxLayout()
        sign_off_buttons.addStretch(1)
        sign_off_buttons.addWidget(sign_off_button)
        sign_off_rows.addLayout(sign_off_buttons)
        self.footer = {
            part: QLineEdit(getattr(footer, part) if footer is not None else "", self)
            for part in site_footer.PARTS
        }
        self.footer["sponsor"].setPlaceholderText(footer.department if footer is not None else "")
        self.footer["site_code"].setPlaceholderText(self.tr("如：1234000001"))
        self.footer["icp"].setPlaceholderText(self.tr("如：示ICP备12345678号"))
        self.footer["police"].setPlaceholderText(self.tr("如：示公网安备 12345602000001号"))
        self.footer["contact"].setPlaceholderText(self.tr("如：0551-12345678"))
        footer_form = QFormLayout()
        for part, label in zip(
            site_footer.PARTS,
            (
                self.tr("主办单位"),
                self.tr("网站标识码"),
                self.tr("ICP备案号"),
                self.tr("公安机关备案号"),
                self.tr("联系方式"),
            ),
            strict=True,
        ):
            footer_form.addRow(label, self.footer[part])
        footer_button = QPushButton(self.tr("保存页脚"), self)
        footer_button.clicked.connect(lambda: self.save_footer())
        footer_form.addRow("", footer_button)
        footer_box = QGroupBox(self.tr("公开目录网站页脚"), self)
        footer_box.setLayout(footer_form)
        left = QVBoxLayout()
        left.addWidget(scheme_box)
        left.addWidget(sign_off_box)
        left.addWidget(footer_box)
        left.addStretch(1)

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("主题分类（末级分类可供文件使用）"), self.tr("索引号代码")])
        self.tree.setColumnWidth(0, 320)
        add_button = QPushButton(self.tr("添加子分类…"), self)
        add_button.clicked.connect(lambda: self.add_category())
        code_button = QPushButton(self.tr("设定索引号代码…"), self)
        code_button.setToolTip(self.tr("设了代码的末级分类，其索引号在日期前带该代码；清空即不用代码"))
        code_button.clicked.connect(lambda: self.set_code())
        tree_box = QGroupBox(self.tr("主题分类"), self)
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.addWidget(self.tree)
        tree_buttons = QHBoxLayout()
        tree_buttons.addWidget(add_button)
        tree_buttons.addWidget(code_button)
        tree_buttons.addStretch(1)
        tree_layout.addLayout(tree_buttons)

        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addWidget(tree_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 700)
        self.update_preview()
        self.reload_tree()

    def _digits_changed(self, digits: int) -> None:
        """The 号段's end follows the largest serial when it was there (the whole range)."""
        if self.serial_last.value() == 10**self._digits - 1:
            self.serial_last.setValue(10**digits - 1)
        self._digits = digits
        self.update_preview()

    def scheme(self) -> IndexScheme:
        top = 10 ** self.digits.value() - 1
        return IndexScheme(
            prefix=self.prefix.text().strip(),
            date_format=self.date_format.currentText(),
            serial_digits=self.digits.value(),
            serial_scope=str(self.serial_scope.currentData()),
            reset=str(self.reset.currentData()),
            prefix_separator=self.prefix_separator.text(),
            serial_separator=self.serial_separator.text(),
            category_codes=self._category_codes,
            serial_first=self.serial_first.value(),
            serial_last=None if self.serial_last.value() == top else self.serial_last.value(),
        )

    def update_preview(self) -> None:
        try:
            scheme = self.scheme()
            self.preview.setText(
                scheme.format(scheme.serial_first, desk_day.today(), next(iter(self._category_codes), ""))
            )
            self.error.clear()
        except TranslatableError as exc:
            self.preview.clear()
            self.error.setText(error_text(exc))

    def save(self) -> bool:
        try:
            with self.db.write() as session:
                save_scheme(session, session.get_one(User, self.user_id), self.scheme())
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return False
        self.error.setText(self.tr("索引号方案已保存，下一次发布起生效。"))
        return True

    def save_sign_off(self) -> bool:
        try:
            with self.db.write() as session:
                steps = sign_off.set_chain(
                    session, session.get_one(User, self.user_id), sign_off.split_steps(self.sign_off.text())
                )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return False
        self.sign_off.setText(" → ".join(steps))
        self.error.setText(self.tr("签批环节已保存，此后生成的保密审查单按此签批。"))
        return True

    def save_footer(self) -> bool:
        try:
            with self.db.write() as session:
                site_footer.set_footer(
                    session,
                    session.get_one(User, self.user_id),
                    **{part: edit.text() for part, edit in self.footer.items()},
                )
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return False
        self.error.setText(self.tr("页脚已保存，下次更新网站时生效。"))
        return True

    def reload_tree(self) -> None:
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        with self.db.read() as session:
            tree = categories.paths(session)
        for path, leaf in tree.items():
            parent_path, _, name = path.rpartition(categories.SEPARATOR)
            parent = items.get(parent_path)
            item = QTreeWidgetItem(
                parent if parent is not None else self.tree,
                [name + (" ●" if leaf else ""), self._category_codes.get(path, "")],
            )
            item.setData(0, 256, path)
            items[path] = item

    def set_code(self, code: str | None = None) -> bool:
        """Sets (or clears) the selected category's code in the scheme; saved with the scheme."""
        current = self.tree.currentItem()
        if current is None:
            self.error.setText(self.tr("请先选择一个主题分类。"))
            return False
        path = str(current.data(0, 256))
        if code is None:
            code, ok = QInputDialog.getText(
                self,
                self.tr("索引号代码"),
                self.tr("“{category}”的代码（清空则不用）：").format(category=path),
                text=self._category_codes.get(path) or self._suggested_codes.get(path, ""),
            )
            if not ok:
                return False
        code = code.strip()
        if code:
            self._category_codes[path] = code
        else:
            self._category_codes.pop(path, None)
        current.setText(1, code)
        self.update_preview()
        return True

    def add_category(self, name: str | None = None) -> bool:
        current = self.tree.currentItem()
        parent_path = str(current.data(0, 256)) if current is not None else ""
        if name is None:
            name, ok = QInputDialog.getText(
                self,
                self.tr("添加子分类"),
                self.tr("“{parent}”下的新分类：").format(parent=parent_path or self.tr("顶级")),
            )
            if not ok:
                return False
        try:
            with self.db.write() as session:
                categories.add(session, session.get_one(User, self.user_id), parent_path, name)
        except TranslatableError as exc:
            self.error.setText(error_text(exc))
            return False
        self.reload_tree()
        return True
