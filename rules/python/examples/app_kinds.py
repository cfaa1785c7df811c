# Application-code kinds: owner-scoped queries and card handling.
import logging

from django.shortcuts import get_object_or_404, render
from django.utils.crypto import get_random_string

from shop import bankcards
from shop.forms import BankcardCCVField, BankcardNumberField
from shop.models import Address, Bankcard, Category, Order, Profile

log = logging.getLogger(__name__)


# --- owner-scoped-query ---------------------------------------------------------------------------

class OrderDetail:
    def get_object(self, queryset=None):
        # expect: owner-scoped-query
        return get_object_or_404(Order, user=self.request.user, number=self.kwargs["number"])

    def get_queryset(self):
        # expect: owner-scoped-query
        return Address.objects.filter(user=self.request.user)


class AddressList:
    def get_queryset(self):
        # expect: owner-scoped-query
        return self.request.user.addresses.all()


def invoices(db, current_user, Invoice):
    # expect: owner-scoped-query
    return db.session.query(Invoice).filter_by(owner_id=current_user.id).all()


def category_page(request, slug):
    # ok: owner-scoped-query
    category = get_object_or_404(Category, slug=slug)
    # ok: owner-scoped-query
    items = Order.objects.filter(category=category)
    # ok: owner-scoped-query
    log.info("category viewed", extra={"user": request.user})
    return render(request, "category.html", {"items": items, "user": request.user})


def edit_profile(request, ProfileForm):
    # ok: owner-scoped-query
    form = ProfileForm(user=request.user, data=request.POST)
    # ok: owner-scoped-query
    greeting = request.user.get_full_name()
    return form, greeting


def order_for(user, number):
    # ok: owner-scoped-query
    return Order.objects.get(number=number, status="open")


# --- card-number-validation-call / payment-card-data-name -----------------------------------------

def clean_number(value):
    # expect: card-number-validation-call
    if not bankcards.luhn(value):
        raise ValueError("invalid card number")
    # expect: card-number-validation-call
    return bankcards.bankcard_type(value)


class CardForm:
    # expect: card-number-validation-call
    number = BankcardNumberField()
    # expect: card-number-validation-call, payment-card-data-name
    ccv = BankcardCCVField()

    def bankcard(self):
        # expect: card-number-validation-call
        return Bankcard(number=self.cleaned["number"], ccv=self.cleaned["ccv"])


class StoredCard:
    def prepare_for_save(self):
        self.number = "XXXX-XXXX-XXXX-%s" % self.number[-4:]
        # expect: payment-card-data-name
        self.ccv = None


def phone_hint(phone_number, user_id):
    # ok: card-number-validation-call, payment-card-data-name
    tail = phone_number[-4:]
    # ok: card-number-validation-call
    short_id = str(user_id)[-4:]
    return tail, short_id


def layout(page, field_type):
    # ok: card-number-validation-call
    kind = page.get_field_type(field_type)
    # ok: card-number-validation-call, payment-card-data-name
    return render(None, "page.html", {"number": page.number, "code": kind})


# --- role-permission-grant-call -------------------------------------------------------------------

def make_editor(user, editors_group, perm, page, Group):
    # expect: role-permission-grant-call
    user.groups.add(editors_group)
    # expect: role-permission-grant-call
    editors_group.permissions.add(perm)
    # expect: role-permission-grant-call
    assign_perm("change_page", user, page)
    # expect: role-permission-grant-call
    Group.objects.get_or_create(name="Moderators")


def demote(datastore, enforcer, user):
    # expect: role-permission-grant-call
    datastore.remove_role_from_user(user, "admin")
    # expect: role-permission-grant-call
    enforcer.add_role_for_user(user.email, "viewer")


def page_layout(panel, menu, user):
    # ok: role-permission-grant-call
    panel.groups.add("sidebar")
    # ok: role-permission-grant-call
    roles = menu.get("roles", ["banner", "navigation"])
    # ok: role-permission-grant-call
    if user.has_perm("shop.view_order"):
        roles.append("orders")
    return roles


# --- secure-random-token-call: identifiers, not secrets -------------------------------------------

def generate_username():
    # ok: secure-random-token-call
    return get_random_string(length=30)


def new_api_key():
    # expect: secure-random-token-call
    return get_random_string(length=40)
