'use strict';

const bcrypt = require('bcrypt');
const jwt = require('jsonwebtoken');
const LocalStrategy = require('passport-local').Strategy;

const users = require('./db/users');

const JWT_SECRET = process.env.JWT_SECRET;
const JWT_ISSUER = 'https://shop.example.com';

function configurePassport(passport) {
  passport.use(
    new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
      try {
        const user = await users.findByEmail(email.toLowerCase());
        if (!user) {
          return done(null, false, { message: 'Invalid email or password' });
        }
        const ok = await bcrypt.compare(password, user.passwordHash);
        return ok ? done(null, user) : done(null, false, { message: 'Invalid email or password' });
      } catch (err) {
        return done(err);
      }
    }),
  );
  passport.serializeUser((user, done) => done(null, user.id));
  passport.deserializeUser((id, done) => users.findById(id).then((u) => done(null, u), done));
}

function issueAccessToken(user) {
  return jwt.sign({ sub: String(user.id), role: user.role }, JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: '15m',
    issuer: JWT_ISSUER,
  });
}

function requireJwt(req, res, next) {
  const header = req.get('Authorization') || '';
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer' || !token) {
    return res.status(401).json({ error: 'missing bearer token' });
  }
  try {
    req.user = jwt.verify(token, JWT_SECRET, { algorithms: ['HS256'], issuer: JWT_ISSUER });
    return next();
  } catch (err) {
    return res.status(401).json({ error: 'invalid token' });
  }
}

async function setPassword(userId, plain) {
  const hash = await bcrypt.hash(plain, 12);
  await users.update(userId, { passwordHash: hash });
}

module.exports = { configurePassport, issueAccessToken, requireJwt, setPassword };
