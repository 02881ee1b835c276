from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="ResourcesOverviewThroughput")


@_attrs_define
class ResourcesOverviewThroughput:
    """
    Attributes:
        ingested_per_second (float | Unset):
        processed_per_second (float | Unset):
    """

    ingested_per_second: float | Unset = UNSET
    processed_per_second: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ingested_per_second = self.ingested_per_second

        processed_per_second = self.processed_per_second

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ingested_per_second is not UNSET:
            field_dict["ingestedPerSecond"] = ingested_per_second
        if processed_per_second is not UNSET:
            field_dict["processedPerSecond"] = processed_per_second

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        ingested_per_second = d.pop("ingestedPerSecond", UNSET)

        processed_per_second = d.pop("processedPerSecond", UNSET)

        resources_overview_throughput = cls(
            ingested_per_second=ingested_per_second,
            processed_per_second=processed_per_second,
        )

        resources_overview_throughput.additional_properties = d
        return resources_overview_throughput

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
