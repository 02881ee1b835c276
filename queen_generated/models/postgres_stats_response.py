from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.postgres_stats_response_active_queries_item import (
        PostgresStatsResponseActiveQueriesItem,
    )
    from ..models.postgres_stats_response_autovacuum_status_item import (
        PostgresStatsResponseAutovacuumStatusItem,
    )
    from ..models.postgres_stats_response_buffer_config import (
        PostgresStatsResponseBufferConfig,
    )
    from ..models.postgres_stats_response_buffer_usage_item import (
        PostgresStatsResponseBufferUsageItem,
    )
    from ..models.postgres_stats_response_cache_summary import (
        PostgresStatsResponseCacheSummary,
    )
    from ..models.postgres_stats_response_database_cache import (
        PostgresStatsResponseDatabaseCache,
    )
    from ..models.postgres_stats_response_dead_tuples_item import (
        PostgresStatsResponseDeadTuplesItem,
    )
    from ..models.postgres_stats_response_hot_updates_item import (
        PostgresStatsResponseHotUpdatesItem,
    )
    from ..models.postgres_stats_response_index_cache_item import (
        PostgresStatsResponseIndexCacheItem,
    )
    from ..models.postgres_stats_response_table_cache_item import (
        PostgresStatsResponseTableCacheItem,
    )
    from ..models.postgres_stats_response_table_sizes_item import (
        PostgresStatsResponseTableSizesItem,
    )


T = TypeVar("T", bound="PostgresStatsResponse")


@_attrs_define
class PostgresStatsResponse:
    """
    Attributes:
        database (str):
        timestamp (str | Unset):
        database_cache (PostgresStatsResponseDatabaseCache | Unset):
        table_cache (list[PostgresStatsResponseTableCacheItem] | Unset):
        index_cache (list[PostgresStatsResponseIndexCacheItem] | Unset):
        cache_summary (PostgresStatsResponseCacheSummary | Unset):
        dead_tuples (list[PostgresStatsResponseDeadTuplesItem] | Unset):
        hot_updates (list[PostgresStatsResponseHotUpdatesItem] | Unset):
        active_queries (list[PostgresStatsResponseActiveQueriesItem] | Unset):
        autovacuum_status (list[PostgresStatsResponseAutovacuumStatusItem] | Unset):
        buffer_config (PostgresStatsResponseBufferConfig | Unset):
        buffer_usage (list[PostgresStatsResponseBufferUsageItem] | Unset):
        table_sizes (list[PostgresStatsResponseTableSizesItem] | Unset):
    """

    database: str
    timestamp: str | Unset = UNSET
    database_cache: PostgresStatsResponseDatabaseCache | Unset = UNSET
    table_cache: list[PostgresStatsResponseTableCacheItem] | Unset = UNSET
    index_cache: list[PostgresStatsResponseIndexCacheItem] | Unset = UNSET
    cache_summary: PostgresStatsResponseCacheSummary | Unset = UNSET
    dead_tuples: list[PostgresStatsResponseDeadTuplesItem] | Unset = UNSET
    hot_updates: list[PostgresStatsResponseHotUpdatesItem] | Unset = UNSET
    active_queries: list[PostgresStatsResponseActiveQueriesItem] | Unset = UNSET
    autovacuum_status: list[PostgresStatsResponseAutovacuumStatusItem] | Unset = UNSET
    buffer_config: PostgresStatsResponseBufferConfig | Unset = UNSET
    buffer_usage: list[PostgresStatsResponseBufferUsageItem] | Unset = UNSET
    table_sizes: list[PostgresStatsResponseTableSizesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        database = self.database

        timestamp = self.timestamp

        database_cache: dict[str, Any] | Unset = UNSET
        if not isinstance(self.database_cache, Unset):
            database_cache = self.database_cache.to_dict()

        table_cache: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.table_cache, Unset):
            table_cache = []
            for table_cache_item_data in self.table_cache:
                table_cache_item = table_cache_item_data.to_dict()
                table_cache.append(table_cache_item)

        index_cache: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.index_cache, Unset):
            index_cache = []
            for index_cache_item_data in self.index_cache:
                index_cache_item = index_cache_item_data.to_dict()
                index_cache.append(index_cache_item)

        cache_summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cache_summary, Unset):
            cache_summary = self.cache_summary.to_dict()

        dead_tuples: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.dead_tuples, Unset):
            dead_tuples = []
            for dead_tuples_item_data in self.dead_tuples:
                dead_tuples_item = dead_tuples_item_data.to_dict()
                dead_tuples.append(dead_tuples_item)

        hot_updates: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hot_updates, Unset):
            hot_updates = []
            for hot_updates_item_data in self.hot_updates:
                hot_updates_item = hot_updates_item_data.to_dict()
                hot_updates.append(hot_updates_item)

        active_queries: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.active_queries, Unset):
            active_queries = []
            for active_queries_item_data in self.active_queries:
                active_queries_item = active_queries_item_data.to_dict()
                active_queries.append(active_queries_item)

        autovacuum_status: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.autovacuum_status, Unset):
            autovacuum_status = []
            for autovacuum_status_item_data in self.autovacuum_status:
                autovacuum_status_item = autovacuum_status_item_data.to_dict()
                autovacuum_status.append(autovacuum_status_item)

        buffer_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buffer_config, Unset):
            buffer_config = self.buffer_config.to_dict()

        buffer_usage: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.buffer_usage, Unset):
            buffer_usage = []
            for buffer_usage_item_data in self.buffer_usage:
                buffer_usage_item = buffer_usage_item_data.to_dict()
                buffer_usage.append(buffer_usage_item)

        table_sizes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.table_sizes, Unset):
            table_sizes = []
            for table_sizes_item_data in self.table_sizes:
                table_sizes_item = table_sizes_item_data.to_dict()
                table_sizes.append(table_sizes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "database": database,
            }
        )
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if database_cache is not UNSET:
            field_dict["databaseCache"] = database_cache
        if table_cache is not UNSET:
            field_dict["tableCache"] = table_cache
        if index_cache is not UNSET:
            field_dict["indexCache"] = index_cache
        if cache_summary is not UNSET:
            field_dict["cacheSummary"] = cache_summary
        if dead_tuples is not UNSET:
            field_dict["deadTuples"] = dead_tuples
        if hot_updates is not UNSET:
            field_dict["hotUpdates"] = hot_updates
        if active_queries is not UNSET:
            field_dict["activeQueries"] = active_queries
        if autovacuum_status is not UNSET:
            field_dict["autovacuumStatus"] = autovacuum_status
        if buffer_config is not UNSET:
            field_dict["bufferConfig"] = buffer_config
        if buffer_usage is not UNSET:
            field_dict["bufferUsage"] = buffer_usage
        if table_sizes is not UNSET:
            field_dict["tableSizes"] = table_sizes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.postgres_stats_response_active_queries_item import (
            PostgresStatsResponseActiveQueriesItem,
        )
        from ..models.postgres_stats_response_autovacuum_status_item import (
            PostgresStatsResponseAutovacuumStatusItem,
        )
        from ..models.postgres_stats_response_buffer_config import (
            PostgresStatsResponseBufferConfig,
        )
        from ..models.postgres_stats_response_buffer_usage_item import (
            PostgresStatsResponseBufferUsageItem,
        )
        from ..models.postgres_stats_response_cache_summary import (
            PostgresStatsResponseCacheSummary,
        )
        from ..models.postgres_stats_response_database_cache import (
            PostgresStatsResponseDatabaseCache,
        )
        from ..models.postgres_stats_response_dead_tuples_item import (
            PostgresStatsResponseDeadTuplesItem,
        )
        from ..models.postgres_stats_response_hot_updates_item import (
            PostgresStatsResponseHotUpdatesItem,
        )
        from ..models.postgres_stats_response_index_cache_item import (
            PostgresStatsResponseIndexCacheItem,
        )
        from ..models.postgres_stats_response_table_cache_item import (
            PostgresStatsResponseTableCacheItem,
        )
        from ..models.postgres_stats_response_table_sizes_item import (
            PostgresStatsResponseTableSizesItem,
        )

        d = dict(src_dict)
        database = d.pop("database")

        timestamp = d.pop("timestamp", UNSET)

        _database_cache = d.pop("databaseCache", UNSET)
        database_cache: PostgresStatsResponseDatabaseCache | Unset
        if isinstance(_database_cache, Unset):
            database_cache = UNSET
        else:
            database_cache = PostgresStatsResponseDatabaseCache.from_dict(
                _database_cache
            )

        _table_cache = d.pop("tableCache", UNSET)
        table_cache: list[PostgresStatsResponseTableCacheItem] | Unset = UNSET
        if _table_cache is not UNSET:
            table_cache = []
            for table_cache_item_data in _table_cache:
                table_cache_item = PostgresStatsResponseTableCacheItem.from_dict(
                    table_cache_item_data
                )

                table_cache.append(table_cache_item)

        _index_cache = d.pop("indexCache", UNSET)
        index_cache: list[PostgresStatsResponseIndexCacheItem] | Unset = UNSET
        if _index_cache is not UNSET:
            index_cache = []
            for index_cache_item_data in _index_cache:
                index_cache_item = PostgresStatsResponseIndexCacheItem.from_dict(
                    index_cache_item_data
                )

                index_cache.append(index_cache_item)

        _cache_summary = d.pop("cacheSummary", UNSET)
        cache_summary: PostgresStatsResponseCacheSummary | Unset
        if isinstance(_cache_summary, Unset):
            cache_summary = UNSET
        else:
            cache_summary = PostgresStatsResponseCacheSummary.from_dict(_cache_summary)

        _dead_tuples = d.pop("deadTuples", UNSET)
        dead_tuples: list[PostgresStatsResponseDeadTuplesItem] | Unset = UNSET
        if _dead_tuples is not UNSET:
            dead_tuples = []
            for dead_tuples_item_data in _dead_tuples:
                dead_tuples_item = PostgresStatsResponseDeadTuplesItem.from_dict(
                    dead_tuples_item_data
                )

                dead_tuples.append(dead_tuples_item)

        _hot_updates = d.pop("hotUpdates", UNSET)
        hot_updates: list[PostgresStatsResponseHotUpdatesItem] | Unset = UNSET
        if _hot_updates is not UNSET:
            hot_updates = []
            for hot_updates_item_data in _hot_updates:
                hot_updates_item = PostgresStatsResponseHotUpdatesItem.from_dict(
                    hot_updates_item_data
                )

                hot_updates.append(hot_updates_item)

        _active_queries = d.pop("activeQueries", UNSET)
        active_queries: list[PostgresStatsResponseActiveQueriesItem] | Unset = UNSET
        if _active_queries is not UNSET:
            active_queries = []
            for active_queries_item_data in _active_queries:
                active_queries_item = PostgresStatsResponseActiveQueriesItem.from_dict(
                    active_queries_item_data
                )

                active_queries.append(active_queries_item)

        _autovacuum_status = d.pop("autovacuumStatus", UNSET)
        autovacuum_status: list[PostgresStatsResponseAutovacuumStatusItem] | Unset = (
            UNSET
        )
        if _autovacuum_status is not UNSET:
            autovacuum_status = []
            for autovacuum_status_item_data in _autovacuum_status:
                autovacuum_status_item = (
                    PostgresStatsResponseAutovacuumStatusItem.from_dict(
                        autovacuum_status_item_data
                    )
                )

                autovacuum_status.append(autovacuum_status_item)

        _buffer_config = d.pop("bufferConfig", UNSET)
        buffer_config: PostgresStatsResponseBufferConfig | Unset
        if isinstance(_buffer_config, Unset):
            buffer_config = UNSET
        else:
            buffer_config = PostgresStatsResponseBufferConfig.from_dict(_buffer_config)

        _buffer_usage = d.pop("bufferUsage", UNSET)
        buffer_usage: list[PostgresStatsResponseBufferUsageItem] | Unset = UNSET
        if _buffer_usage is not UNSET:
            buffer_usage = []
            for buffer_usage_item_data in _buffer_usage:
                buffer_usage_item = PostgresStatsResponseBufferUsageItem.from_dict(
                    buffer_usage_item_data
                )

                buffer_usage.append(buffer_usage_item)

        _table_sizes = d.pop("tableSizes", UNSET)
        table_sizes: list[PostgresStatsResponseTableSizesItem] | Unset = UNSET
        if _table_sizes is not UNSET:
            table_sizes = []
            for table_sizes_item_data in _table_sizes:
                table_sizes_item = PostgresStatsResponseTableSizesItem.from_dict(
                    table_sizes_item_data
                )

                table_sizes.append(table_sizes_item)

        postgres_stats_response = cls(
            database=database,
            timestamp=timestamp,
            database_cache=database_cache,
            table_cache=table_cache,
            index_cache=index_cache,
            cache_summary=cache_summary,
            dead_tuples=dead_tuples,
            hot_updates=hot_updates,
            active_queries=active_queries,
            autovacuum_status=autovacuum_status,
            buffer_config=buffer_config,
            buffer_usage=buffer_usage,
            table_sizes=table_sizes,
        )

        postgres_stats_response.additional_properties = d
        return postgres_stats_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
