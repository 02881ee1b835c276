from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.shared_state_stats_queue_config_cache import (
        SharedStateStatsQueueConfigCache,
    )
    from ..models.shared_state_stats_server_health import SharedStateStatsServerHealth


T = TypeVar("T", bound="SharedStateStats")


@_attrs_define
class SharedStateStats:
    """Cluster-sync statistics; `{"enabled": false, "reason": ...}` when the component is
    absent.

        Attributes:
            enabled (bool):
            running (bool | Unset):
            reason (str | Unset):
            server_id (str | Unset):
            queue_config_cache (SharedStateStatsQueueConfigCache | Unset):
            server_health (SharedStateStatsServerHealth | Unset):
            maintenance_mode (bool | Unset):
            pop_maintenance_mode (bool | Unset):
    """

    enabled: bool
    running: bool | Unset = UNSET
    reason: str | Unset = UNSET
    server_id: str | Unset = UNSET
    queue_config_cache: SharedStateStatsQueueConfigCache | Unset = UNSET
    server_health: SharedStateStatsServerHealth | Unset = UNSET
    maintenance_mode: bool | Unset = UNSET
    pop_maintenance_mode: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        enabled = self.enabled

        running = self.running

        reason = self.reason

        server_id = self.server_id

        queue_config_cache: dict[str, Any] | Unset = UNSET
        if not isinstance(self.queue_config_cache, Unset):
            queue_config_cache = self.queue_config_cache.to_dict()

        server_health: dict[str, Any] | Unset = UNSET
        if not isinstance(self.server_health, Unset):
            server_health = self.server_health.to_dict()

        maintenance_mode = self.maintenance_mode

        pop_maintenance_mode = self.pop_maintenance_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if running is not UNSET:
            field_dict["running"] = running
        if reason is not UNSET:
            field_dict["reason"] = reason
        if server_id is not UNSET:
            field_dict["server_id"] = server_id
        if queue_config_cache is not UNSET:
            field_dict["queue_config_cache"] = queue_config_cache
        if server_health is not UNSET:
            field_dict["server_health"] = server_health
        if maintenance_mode is not UNSET:
            field_dict["maintenance_mode"] = maintenance_mode
        if pop_maintenance_mode is not UNSET:
            field_dict["pop_maintenance_mode"] = pop_maintenance_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.shared_state_stats_queue_config_cache import (
            SharedStateStatsQueueConfigCache,
        )
        from ..models.shared_state_stats_server_health import (
            SharedStateStatsServerHealth,
        )

        d = dict(src_dict)
        enabled = d.pop("enabled")

        running = d.pop("running", UNSET)

        reason = d.pop("reason", UNSET)

        server_id = d.pop("server_id", UNSET)

        _queue_config_cache = d.pop("queue_config_cache", UNSET)
        queue_config_cache: SharedStateStatsQueueConfigCache | Unset
        if isinstance(_queue_config_cache, Unset):
            queue_config_cache = UNSET
        else:
            queue_config_cache = SharedStateStatsQueueConfigCache.from_dict(
                _queue_config_cache
            )

        _server_health = d.pop("server_health", UNSET)
        server_health: SharedStateStatsServerHealth | Unset
        if isinstance(_server_health, Unset):
            server_health = UNSET
        else:
            server_health = SharedStateStatsServerHealth.from_dict(_server_health)

        maintenance_mode = d.pop("maintenance_mode", UNSET)

        pop_maintenance_mode = d.pop("pop_maintenance_mode", UNSET)

        shared_state_stats = cls(
            enabled=enabled,
            running=running,
            reason=reason,
            server_id=server_id,
            queue_config_cache=queue_config_cache,
            server_health=server_health,
            maintenance_mode=maintenance_mode,
            pop_maintenance_mode=pop_maintenance_mode,
        )

        shared_state_stats.additional_properties = d
        return shared_state_stats

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
