from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="SharedStateStatsQueueConfigCache")


@_attrs_define
class SharedStateStatsQueueConfigCache:
    """
    Attributes:
        size (int | Unset):
        hits (int | Unset):
        misses (int | Unset):
        hit_rate (float | Unset):
    """

    size: int | Unset = UNSET
    hits: int | Unset = UNSET
    misses: int | Unset = UNSET
    hit_rate: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        hits = self.hits

        misses = self.misses

        hit_rate = self.hit_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if hits is not UNSET:
            field_dict["hits"] = hits
        if misses is not UNSET:
            field_dict["misses"] = misses
        if hit_rate is not UNSET:
            field_dict["hit_rate"] = hit_rate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        size = d.pop("size", UNSET)

        hits = d.pop("hits", UNSET)

        misses = d.pop("misses", UNSET)

        hit_rate = d.pop("hit_rate", UNSET)

        shared_state_stats_queue_config_cache = cls(
            size=size,
            hits=hits,
            misses=misses,
            hit_rate=hit_rate,
        )

        shared_state_stats_queue_config_cache.additional_properties = d
        return shared_state_stats_queue_config_cache

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
