// Examples for the java pack's token lifecycle and account confirmation rules.
package examples;

import java.util.List;

public class TokenLifecycle {

    private final TokenRepository tokens;
    private final UserRepository users;

    TokenLifecycle(TokenRepository tokens, UserRepository users) {
        this.tokens = tokens;
        this.users = users;
    }

    // expect: token-lifecycle-definition
    void revokeAllUserTokens(AppUser user) {
        List<StoredToken> valid = tokens.findAllValidTokenByUser(user.getId());
        valid.forEach(t -> t.setRevoked(true));
        tokens.saveAll(valid);
    }

    // expect: token-lifecycle-definition
    void saveUserToken(AppUser user, String jwt) {
        tokens.save(new StoredToken(user, jwt));
    }

    // expect: token-lifecycle-definition
    void invalidateSessions(long userId) {
        tokens.deleteByUser(userId);
    }

    // ok: token-lifecycle-definition
    void saveSession(HibernateSession session, Object entity) {
        session.save(entity);
    }

    // ok: token-lifecycle-definition
    void removeToken(LexerState lexer) {
        lexer.pop();
    }

    // ok: token-lifecycle-definition
    void clearCursor(PageState state) {
        state.reset();
    }

    // expect: account-confirmation-definition
    void confirmRegistration(String token) {
        users.enable(tokens.findVerification(token).getUserId());
    }

    // expect: account-confirmation-definition
    boolean verifyEmail(long userId, String code) {
        return tokens.matchesEmailCode(userId, code);
    }

    // ok: account-confirmation-definition
    boolean validateEmail(String email) {
        return email.contains("@");
    }

    // ok: account-confirmation-definition
    void confirmOrder(long orderId) {
        users.touch(orderId);
    }

    // expect: token-issuing-definition
    String createPasswordResetTokenForUser(AppUser user) {
        return tokens.issueFor(user.getId());
    }

    // expect: token-verification-definition
    String validatePasswordResetToken(String token) {
        return tokens.findByToken(token) == null ? "invalid" : null;
    }
}
