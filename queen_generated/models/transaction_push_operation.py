from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.push_item import PushItem


T = TypeVar("T", bound="TransactionPushOperation")


@_attrs_define
class TransactionPushOperation:
    """Pushes each item (one result per item).

    Attributes:
        type_ (Literal['push']):
        items (list[PushItem]):
    """

    type_: Literal["push"]
    items: list[PushItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        type_ = self.type_

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.push_item import PushItem

        d = dict(src_dict)
        type_ = cast(Literal["push"], d.pop("type"))
        if type_ != "push":
            raise ValueError(f"type must match const 'push', got '{type_}'")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PushItem.from_dict(items_item_data)

            items.append(items_item)

        transaction_push_operation = cls(
            type_=type_,
            items=items,
        )

        transaction_push_operation.additional_properties = d
        return transaction_push_operation

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
