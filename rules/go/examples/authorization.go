// Examples for the go pack's authorization rules.
package examples

import "errors"

type Caller struct {
	ID    int64
	Roles []string
}

type Order struct {
	ID     int64
	UserID int64
}

// ErrForbidden is an error value (keyword bait).
var ErrForbidden = errors.New("forbidden")

// expect: permission-check-definition
func HasRole(c Caller, role string) bool {
	for _, r := range c.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// expect: permission-check-definition
func (c Caller) CanRefundOrder(o Order) bool { return HasRole(c, "admin") }

// expect: permission-check-definition
func authorizeAdmin(c Caller) error {
	if !HasRole(c, "admin") {
		return ErrForbidden
	}
	return nil
}

// expect: permission-check-definition
func AdminOnly(c Caller) bool { return HasRole(c, "admin") }

// ok: permission-check-definition
func OnlyDigits(s string) bool { return s != "" }

// ok: permission-check-definition
func AuthorizeURL(base, clientID string) string { return base + "?client_id=" + clientID }

// ok: permission-check-definition
func AccessLog(line string) string { return "access: " + line }

// ok: permission-check-definition
func (PermissionError) Error() string { return "permission denied" }

// PermissionError is an error class (keyword bait).
type PermissionError struct{}

func loadOrder(orders map[int64]Order, id int64, user Caller) (Order, error) {
	o := orders[id]
	// expect: owner-comparison
	if o.UserID != user.ID {
		return Order{}, ErrForbidden
	}
	return o, nil
}

func ownsOrder(order Order, callerID int64) bool {
	// expect: owner-comparison
	return order.UserID == callerID
}

func groupByCustomer(orders []Order) int {
	n := 0
	for i := 1; i < len(orders); i++ {
		// ok: owner-comparison
		if orders[i].UserID != orders[i-1].UserID {
			n++
		}
	}
	return n
}

func invoiceVisible(ownerID int64, c *Caller) bool {
	// expect: owner-comparison
	return ownerID == c.ID
}

func ownerChanged(ownerID, lastOwnerID int64) bool {
	// ok: owner-comparison
	return ownerID != lastOwnerID
}

func isGuestOrder(o Order) bool {
	// ok: owner-comparison
	return o.UserID == 0
}

type Profile struct {
	Role    string
	Theme   string
	IsAdmin bool
}

func adminGate(p Profile) bool {
	// expect: role-comparison
	return p.Role == "admin"
}

func superGate(p *Profile) bool {
	// expect: role-comparison
	return p.IsAdmin == true
}

func darkMode(p Profile) bool {
	// ok: role-comparison
	return p.Theme == "dark"
}

func sameRole(a, b Profile) bool {
	// ok: role-comparison
	return a.Role == b.Role
}
