from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageListMode")


@_attrs_define
class MessageListMode:
    """
    Attributes:
        has_queue_mode (bool | Unset):
        bus_groups_count (int | Unset):
        consumed_by_groups (int | Unset):
        type_ (str | Unset): `queue`, `bus`, `hybrid` or `none`.
    """

    has_queue_mode: bool | Unset = UNSET
    bus_groups_count: int | Unset = UNSET
    consumed_by_groups: int | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        has_queue_mode = self.has_queue_mode

        bus_groups_count = self.bus_groups_count

        consumed_by_groups = self.consumed_by_groups

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if has_queue_mode is not UNSET:
            field_dict["hasQueueMode"] = has_queue_mode
        if bus_groups_count is not UNSET:
            field_dict["busGroupsCount"] = bus_groups_count
        if consumed_by_groups is not UNSET:
            field_dict["consumedByGroups"] = consumed_by_groups
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        has_queue_mode = d.pop("hasQueueMode", UNSET)

        bus_groups_count = d.pop("busGroupsCount", UNSET)

        consumed_by_groups = d.pop("consumedByGroups", UNSET)

        type_ = d.pop("type", UNSET)

        message_list_mode = cls(
            has_queue_mode=has_queue_mode,
            bus_groups_count=bus_groups_count,
            consumed_by_groups=consumed_by_groups,
            type_=type_,
        )

        message_list_mode.additional_properties = d
        return message_list_mode

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
