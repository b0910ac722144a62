"""Reading a NukeViet database: connection from a DSN, table names, rows in id order and in batches."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlparse

import pymysql
import pymysql.cursors

IDENTIFIER = re.compile(r"^[A-Za-z0-9_]+$")


class SourceError(Exception):
    """The source database cannot be read as a NukeViet database (bad DSN, unreachable, missing tables)."""


def connect(dsn: str) -> pymysql.connections.Connection:
    """A connection from ``mysql://USER:PASS@HOST:PORT/DB`` (``?charset=`` and ``?unix_socket=`` optional)."""
    url = urlparse(dsn)
    if url.scheme not in ("mysql", "mariadb") or not url.path.strip("/"):
        raise SourceError(f"DSN must look like mysql://USER:PASS@HOST:PORT/DB, got {url.scheme}://…")
    options = {key: values[-1] for key, values in parse_qs(url.query).items()}
    try:
        return pymysql.connect(
            host=url.hostname or "127.0.0.1",
            port=url.port or 3306,
            user=unquote(url.username or "root"),
            password=unquote(url.password or ""),
            database=unquote(url.path.strip("/")),
            unix_socket=options.get("unix_socket"),
            # NukeViet 4 tables are utf8mb4 (utf8 on old installs); both read correctly as utf8mb4.
            charset=options.get("charset", "utf8mb4"),
            cursorclass=pymysql.cursors.DictCursor,
            autocommit=True,
        )
    except pymysql.MySQLError as error:
        raise SourceError(f"cannot connect to {url.hostname}:{url.port or 3306}: {error}") from error


@dataclass
class Source:
    """One language of one NukeViet site: ``<prefix>_<lang>_<module>_<table>``."""

    connection: pymysql.connections.Connection
    prefix: str = "nv4"
    lang: str = "vi"

    def __post_init__(self):
        for value in (self.prefix, self.lang):
            if not IDENTIFIER.match(value):
                raise SourceError(f"not a table name part: {value!r}")

    def table(self, module_data: str, name: str = "") -> str:
        """A table name; every part is checked, as names cannot be passed as query parameters.

        Without ``name`` it is the module's own table (the page module has only that one)."""
        for value in (module_data, name) if name else (module_data,):
            if not IDENTIFIER.match(value):
                raise SourceError(f"not a table name part: {value!r}")
        return f"{self.prefix}_{self.lang}_{module_data}" + (f"_{name}" if name else "")

    def has_table(self, table: str) -> bool:
        with self.connection.cursor() as cursor:
            cursor.execute("SHOW TABLES LIKE %s", [table.replace("_", r"\_")])
            return cursor.fetchone() is not None

    def columns(self, table: str) -> set[str]:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SHOW COLUMNS FROM `{table}`")
            return {row["Field"] for row in cursor.fetchall()}

    def all(self, sql: str, params=()) -> list[dict]:
        """Small lookup tables (categories, signers…), read whole."""
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return list(cursor.fetchall())

    def batches(self, table: str, key: str, where: str = "", params=(), size: int = 500) -> Iterator[list[dict]]:
        """Rows in key order, ``size`` at a time, by key range: memory stays flat and no cursor stays open
        while the portal writes."""
        last = -1
        condition = f"({where}) AND " if where else ""
        sql = f"SELECT * FROM `{table}` WHERE {condition}`{key}` > %s ORDER BY `{key}` LIMIT {int(size)}"  # noqa: S608
        while True:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, [*params, last])
                rows = list(cursor.fetchall())
            if not rows:
                return
            yield rows
            last = rows[-1][key]

    def rows_by_ids(self, table: str, key: str, ids: list) -> list[dict]:
        if not ids:
            return []
        placeholders = ",".join(["%s"] * len(ids))
        return self.all(f"SELECT * FROM `{table}` WHERE `{key}` IN ({placeholders})", ids)  # noqa: S608 - names checked by Source.table

    def count(self, table: str, where: str = "", params=()) -> int:
        sql = f"SELECT COUNT(*) AS n FROM `{table}`" + (f" WHERE {where}" if where else "")  # noqa: S608
        rows = self.all(sql, params)
        return int(rows[0]["n"])


def create_database(dsn: str) -> None:
    """Drop and create the DSN's database (test and benchmark sources only)."""
    url = urlparse(dsn)
    name = unquote(url.path.strip("/"))
    if not IDENTIFIER.match(name):
        raise SourceError(f"not a database name: {name!r}")
    server = connect(url._replace(path="/mysql").geturl())
    with server.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    server.close()
