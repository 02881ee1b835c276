from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionUpdateResponse")


@_attrs_define
class SubscriptionUpdateResponse:
    """
    Attributes:
        success (bool):
        consumer_group (str | Unset):
        new_timestamp (str | Unset):
        rows_updated (int | Unset):
    """

    success: bool
    consumer_group: str | Unset = UNSET
    new_timestamp: str | Unset = UNSET
    rows_updated: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        consumer_group = self.consumer_group

        new_timestamp = self.new_timestamp

        rows_updated = self.rows_updated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if consumer_group is not UNSET:
            field_dict["consumerGroup"] = consumer_group
        if new_timestamp is not UNSET:
            field_dict["newTimestamp"] = new_timestamp
        if rows_updated is not UNSET:
            field_dict["rowsUpdated"] = rows_updated

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        consumer_group = d.pop("consumerGroup", UNSET)

        new_timestamp = d.pop("newTimestamp", UNSET)

        rows_updated = d.pop("rowsUpdated", UNSET)

        subscription_update_response = cls(
            success=success,
            consumer_group=consumer_group,
            new_timestamp=new_timestamp,
            rows_updated=rows_updated,
        )

        subscription_update_response.additional_properties = d
        return subscription_update_response

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
