from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.lag_stats import LagStats


T = TypeVar("T", bound="ResourcesOverviewLag")


@_attrs_define
class ResourcesOverviewLag:
    """
    Attributes:
        time (LagStats | Unset):
        offset (LagStats | Unset):
    """

    time: LagStats | Unset = UNSET
    offset: LagStats | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        time: dict[str, Any] | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.to_dict()

        offset: dict[str, Any] | Unset = UNSET
        if not isinstance(self.offset, Unset):
            offset = self.offset.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if time is not UNSET:
            field_dict["time"] = time
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lag_stats import LagStats

        d = dict(src_dict)
        _time = d.pop("time", UNSET)
        time: LagStats | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = LagStats.from_dict(_time)

        _offset = d.pop("offset", UNSET)
        offset: LagStats | Unset
        if isinstance(_offset, Unset):
            offset = UNSET
        else:
            offset = LagStats.from_dict(_offset)

        resources_overview_lag = cls(
            time=time,
            offset=offset,
        )

        resources_overview_lag.additional_properties = d
        return resources_overview_lag

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
