"""A department's settings of its own paperwork: the sign-off chain of its 保密审查单."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models import Base, utcnow


class SignOffStep(Base):
    """One step of a department's sign-off chain, in `position` order (from 0). A department with no
    rows uses review.record.DEFAULT_SIGN_OFF."""

    __tablename__ = "department_sign_off"

    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[str] = mapped_column(String(40))  # 审批环节, as printed: 科室负责人, 主要负责人 …
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
