from .models import Order, db


# expect: payment-webhook-handler-definition
def handle_payment_succeeded(event):
    order = Order.query.get(event["order_id"])
    # expect: order-paid-state-assignment
    order.status = "paid"
    db.session.commit()


# expect: payment-webhook-handler-definition
def handle_refund_created(event):
    order = Order.query.get(event["order_id"])
    # expect: order-paid-state-assignment
    order.status = "refunded"
    db.session.commit()


def ship(order):
    # ok: order-paid-state-assignment
    order.status = "shipped"
    # ok: order-paid-state-assignment
    order.paid_label = "paid"


# ok: payment-webhook-handler-definition
def handle_newsletter_signup(event):
    return event["email"]


# ok: payment-webhook-handler-definition
def payment_handler_name(kind):
    return f"handle_payment_{kind}"
