from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message_list_mode import MessageListMode
    from ..models.message_summary import MessageSummary


T = TypeVar("T", bound="MessageListResponse")


@_attrs_define
class MessageListResponse:
    """
    Attributes:
        messages (list[MessageSummary]):
        mode (MessageListMode | Unset):
    """

    messages: list[MessageSummary]
    mode: MessageListMode | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        mode: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.message_list_mode import MessageListMode
        from ..models.message_summary import MessageSummary

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = MessageSummary.from_dict(messages_item_data)

            messages.append(messages_item)

        _mode = d.pop("mode", UNSET)
        mode: MessageListMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = MessageListMode.from_dict(_mode)

        message_list_response = cls(
            messages=messages,
            mode=mode,
        )

        message_list_response.additional_properties = d
        return message_list_response

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
