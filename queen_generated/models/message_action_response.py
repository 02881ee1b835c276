from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageActionResponse")


@_attrs_define
class MessageActionResponse:
    """
    Attributes:
        success (bool):
        partition_id (str | Unset):
        transaction_id (str | Unset):
        message (str | Unset): Human-readable outcome, e.g. `Message deleted successfully`, `Message not found`.
        error (str | Unset):
    """

    success: bool
    partition_id: str | Unset = UNSET
    transaction_id: str | Unset = UNSET
    message: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        partition_id = self.partition_id

        transaction_id = self.transaction_id

        message = self.message

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
            }
        )
        if partition_id is not UNSET:
            field_dict["partitionId"] = partition_id
        if transaction_id is not UNSET:
            field_dict["transactionId"] = transaction_id
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        success = d.pop("success")

        partition_id = d.pop("partitionId", UNSET)

        transaction_id = d.pop("transactionId", UNSET)

        message = d.pop("message", UNSET)

        error = d.pop("error", UNSET)

        message_action_response = cls(
            success=success,
            partition_id=partition_id,
            transaction_id=transaction_id,
            message=message,
            error=error,
        )

        message_action_response.additional_properties = d
        return message_action_response

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
