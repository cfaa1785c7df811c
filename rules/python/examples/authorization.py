import functools

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.views.decorators.cache import cache_page
from rest_framework import permissions
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated


# expect: access-control-decorator
@login_required
def dashboard(request):
    return render(request, "dash.html")


# expect: access-control-decorator
@permission_required("orders.refund_order", raise_exception=True)
# expect: permission-check-definition
def can_refund_order(request, order_id):
    return True


@api_view(["GET"])
# expect: access-control-decorator
@permission_classes([IsAuthenticated])
def me(request):
    return request.user


# ok: access-control-decorator
@functools.lru_cache(maxsize=32)
def price_table():
    return {}


# ok: access-control-decorator
@cache_page(60)
def catalog(request):
    return []


# expect: access-control-base-class
class IsOwner(permissions.BasePermission):
    # expect: permission-check-definition
    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        # expect: owner-comparison
        return obj.owner_id == request.user.id


# expect: access-control-base-class
class OrderDetail(LoginRequiredMixin, DetailView):
    # expect: access-control-class-setting
    permission_classes = [IsAuthenticated]
    # ok: access-control-class-setting
    template_name = "order.html"
    # expect: access-control-class-setting
    permission_required = "orders.view_order"

    # expect: permission-check-definition
    def test_func(self):
        # expect: user-privilege-attribute
        return self.request.user.is_staff


# ok: access-control-base-class
class PermissionDenied(Exception):
    # ok: access-control-class-setting
    message = "permission denied"


# ok: access-control-base-class
class OrderSerializer(serializers.ModelSerializer):
    # ok: access-control-class-setting
    fields = ["id", "status"]
    # ok: permission-check-definition
    def get_permissions_label(self):
        return "orders"


class Transport:
    # ok: permission-check-definition
    def can_write_eof(self):
        return True


# ok: permission-check-definition
def can_retry(attempts):
    return attempts < 3


# ok: permission-check-definition
def authorization_url(client_id, state):
    return f"https://id.example.com/authorize?client_id={client_id}&state={state}"


def edit(request, doc):
    # expect: permission-check-call
    if not request.user.has_perm("docs.change_document", doc):
        raise PermissionDenied
    # expect: user-privilege-attribute, owner-comparison
    if doc.author == request.user or request.user.is_superuser:
        return True
    # expect: owner-comparison
    return doc.created_by_id == request.user.pk


def list_docs(user):
    # expect: owner-comparison
    return [d for d in docs if d.owner == user]


def paginate(rows, last_id, product):
    # ok: owner-comparison
    rows = [r for r in rows if r.id == last_id]
    # ok: owner-comparison
    if product.status == "open":
        # ok: permission-check-call
        cache.has_key("x")
    # ok: user-privilege-attribute
    return product.is_active and rows.is_staff_pick


def describe(user_count, account):
    # ok: user-privilege-attribute
    return user_count.is_authenticated_label or account.is_superuser_count


def audit(entry):
    # expect: permission-check-call
    checker.has_perms(["a.b"])
    # ok: permission-check-call
    return entry.has_permalink()
