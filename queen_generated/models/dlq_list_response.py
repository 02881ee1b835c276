from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dlq_message import DlqMessage
    from ..models.pagination import Pagination


T = TypeVar("T", bound="DlqListResponse")


@_attrs_define
class DlqListResponse:
    """
    Attributes:
        messages (list[DlqMessage]):
        total (int | Unset): Number of dead-lettered messages matching the filters, ignoring `limit` and `offset`. Sent
            by queen_server; the upstream server omits it (clients compute it then).
        pagination (Pagination | Unset):
    """

    messages: list[DlqMessage]
    total: int | Unset = UNSET
    pagination: Pagination | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        total = self.total

        pagination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pagination, Unset):
            pagination = self.pagination.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "messages": messages,
            }
        )
        if total is not UNSET:
            field_dict["total"] = total
        if pagination is not UNSET:
            field_dict["pagination"] = pagination

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dlq_message import DlqMessage
        from ..models.pagination import Pagination

        d = dict(src_dict)
        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = DlqMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        total = d.pop("total", UNSET)

        _pagination = d.pop("pagination", UNSET)
        pagination: Pagination | Unset
        if isinstance(_pagination, Unset):
            pagination = UNSET
        else:
            pagination = Pagination.from_dict(_pagination)

        dlq_list_response = cls(
            messages=messages,
            total=total,
            pagination=pagination,
        )

        dlq_list_response.additional_properties = d
        return dlq_list_response

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
