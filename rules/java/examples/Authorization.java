// Examples for the java pack's authorization rules.
package examples;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;

public class Authorization {

    record Order(Long id, Long ownerId, String status) {}

    record Caller(Long id, List<String> roles) {}

    // expect: method-security-annotation
    @PreAuthorize("hasRole('ADMIN')")
    public void refund(long id) {}

    // expect: method-security-annotation
    @RolesAllowed({"support"})
    public void reopen(long id) {}

    // ok: method-security-annotation
    @GetMapping("/orders")
    public List<Order> list() {
        return List.of();
    }

    // ok: method-security-annotation
    @Deprecated
    public void legacy() {}

    // expect: permission-check-definition
    public boolean hasPermission(Authentication auth, Object target, Object permission) {
        return auth != null && auth.isAuthenticated();
    }

    // expect: permission-check-definition
    boolean isOwner(Order order, Caller caller) {
        // expect: owner-comparison
        return order.ownerId().equals(caller.id());
    }

    // ok: permission-check-definition
    String authorizeUrl(String base) {
        return base + "/oauth/authorize";
    }

    // ok: permission-check-definition
    String accessLog(String line) {
        return "access " + line;
    }

    Order load(java.util.Map<Long, Order> orders, long id, long currentUserId) {
        Order order = orders.get(id);
        // expect: owner-comparison
        if (order.ownerId() != currentUserId) {
            throw new SecurityException("not yours");
        }
        return order;
    }

    int countChanges(List<Order> orders) {
        int n = 0;
        for (int i = 1; i < orders.size(); i++) {
            // ok: owner-comparison
            if (!orders.get(i).ownerId().equals(orders.get(i - 1).ownerId())) {
                n++;
            }
        }
        return n;
    }

    boolean guest(Order order) {
        // ok: owner-comparison
        return order.ownerId() == null;
    }

    enum Role { ADMIN, CUSTOMER }

    record Member(Role role, String theme, String roleName) {}

    boolean admin(Member m) {
        // expect: role-comparison
        return m.role() == Role.ADMIN;
    }

    boolean adminByName(Member m) {
        // expect: role-comparison
        return "ADMIN".equals(m.roleName());
    }

    boolean dark(Member m) {
        // ok: role-comparison
        return "dark".equals(m.theme());
    }

    boolean sameRole(Member a, Member b) {
        // ok: role-comparison
        return a.role() == b.role();
    }
}
