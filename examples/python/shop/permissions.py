"""Who may see and change which orders."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

View = Callable[..., HttpResponse]


def login_required(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect(f"/login/?next={request.path}")
        return view(request, *args, **kwargs)

    return wrapper


def staff_required(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not (request.user.is_authenticated and request.user.is_staff):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def can_edit(request: HttpRequest, obj: Any) -> bool:
    if request.user.is_superuser:
        return True
    return obj.owner_id == request.user.id


class OrderPermission:
    """Object-level checks used by the order views."""

    def has_object_permission(self, request: HttpRequest, obj: Any) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return obj.owner_id == request.user.id or request.user.has_perm("shop.view_order")
        return can_edit(request, obj)


@login_required
def cancel_order(request: HttpRequest, order_id: int) -> HttpResponse:
    from .models import Order, db

    order = Order.query.get(order_id)
    if order is None or not OrderPermission().has_object_permission(request, order):
        raise PermissionDenied
    order.status = "cancelled"
    db.session.commit()
    return redirect("/orders/")
