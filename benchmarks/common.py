"""What the benchmarks share: generated Chinese vocabulary, a median timer, the database to run on."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Words of government notices, for generated titles, paragraphs and lexicons.
WORDS = [
    "政府",
    "信息",
    "公开",
    "工作",
    "要点",
    "推进",
    "决策",
    "执行",
    "管理",
    "服务",
    "结果",
    "政策",
    "解读",
    "回应",
    "关切",
    "平台",
    "建设",
    "监督",
    "保障",
    "数据",
    "开放",
    "发展",
    "改革",
    "城市",
    "乡村",
    "教育",
    "医疗",
    "住房",
    "就业",
    "社会",
    "保险",
    "环境",
    "保护",
    "安全",
    "生产",
    "市场",
    "监管",
    "财政",
    "预算",
    "审计",
    "项目",
    "资金",
    "使用",
    "情况",
    "通知",
    "意见",
    "办法",
    "规定",
    "规划",
    "实施",
    "方案",
    "措施",
    "目标",
    "任务",
    "部门",
    "单位",
    "企业",
    "群众",
    "公共",
    "卫生",
    "交通",
    "水利",
    "农业",
    "供暖",
    "道路",
    "河道",
]


def median_time(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@contextmanager
def database(postgresql: str | None) -> Iterator[str | None]:
    """The URL to build in: None for SQLite; with --postgresql, a throwaway server started here,
    or the empty database the option names."""
    if postgresql is None:
        yield None
        return
    if postgresql:
        yield postgresql
        return
    from tests.pg_server import PostgresServer

    server = PostgresServer().start()
    try:
        yield server.create_database()
    finally:
        server.close()
