"""A suite's rows staged in DuckDB: validated in batches of bounded size, fetched by id for messages.

A pandas frame of every row at once costs many times the data in memory: the raw batch
of a million statistics rows took several gigabytes, mostly in copies GE makes for row
conditions. Staged in a DuckDB temporary table and handed to GE BATCH_ROWS at a time, the
gate's memory stays bounded whatever the size of the inputs. Every rule is therefore a
rule on one row: what concerns a group of rows (a repeated key, the units of a series) is
computed by DuckDB in the suite's SQL as columns of each row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import duckdb
import pandas as pd

ROW_ID = "row_id"
BATCH_ROWS = 100_000


class StagedRows:
    """The rows of `sql` (numbered 1..n in ROW_ID) in a temporary table of `con`.

    `label` adds the columns messages show (a value as written, where a row came from)
    to the few rows fetched for messages, not to every row.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, sql: str, table: str,
                 label: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                 batch_rows: int = BATCH_ROWS):
        self.con, self.table, self.batch_rows = con, table, batch_rows
        self.label = label or (lambda frame: frame)
        con.execute(f"create or replace temporary table {table} as {sql}")
        ((self.count,),) = con.execute(f"select count(*) from {table}").fetchall()

    def batches(self) -> Iterator[pd.DataFrame]:
        """The rows in order, BATCH_ROWS at a time; one empty frame when there are none."""
        if self.count == 0:
            yield self.con.sql(f"select * from {self.table} limit 0").df()
            return
        for low in range(0, self.count, self.batch_rows):
            yield self.con.execute(
                f"select * from {self.table} where {ROW_ID} > ? and {ROW_ID} <= ? order by {ROW_ID}",
                [low, low + self.batch_rows]).df()

    def rows(self, row_ids: set[int]) -> dict[int, dict]:
        """The rows with these ids as dicts (with the message columns), by row id."""
        if not row_ids:
            return {}
        wanted = pd.DataFrame({ROW_ID: sorted(row_ids)})
        self.con.register("staged_rows_wanted", wanted)
        try:
            frame = self.con.sql(
                f"select staged.* from {self.table} as staged "
                f"semi join staged_rows_wanted using ({ROW_ID}) order by {ROW_ID}").df()
        finally:
            self.con.unregister("staged_rows_wanted")
        return {int(row[ROW_ID]): row for row in self.label(frame).to_dict("records")}
