from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageConsumerGroupState")


@_attrs_define
class MessageConsumerGroupState:
    """
    Attributes:
        name (str | Unset):
        consumed (bool | Unset):
        lease_expires_at (None | str | Unset):
    """

    name: str | Unset = UNSET
    consumed: bool | Unset = UNSET
    lease_expires_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        consumed = self.consumed

        lease_expires_at: None | str | Unset
        if isinstance(self.lease_expires_at, Unset):
            lease_expires_at = UNSET
        else:
            lease_expires_at = self.lease_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if consumed is not UNSET:
            field_dict["consumed"] = consumed
        if lease_expires_at is not UNSET:
            field_dict["leaseExpiresAt"] = lease_expires_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        consumed = d.pop("consumed", UNSET)

        def _parse_lease_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lease_expires_at = _parse_lease_expires_at(d.pop("leaseExpiresAt", UNSET))

        message_consumer_group_state = cls(
            name=name,
            consumed=consumed,
            lease_expires_at=lease_expires_at,
        )

        message_consumer_group_state.additional_properties = d
        return message_consumer_group_state

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
