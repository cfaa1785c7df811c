'use strict';

const express = require('express');
const session = require('express-session');
const helmet = require('helmet');
const cors = require('cors');
const passport = require('passport');

const { configurePassport, requireJwt } = require('./auth');
const { paginate, parsePageParams } = require('./pagination');
const { etag } = require('./crypto');

const app = express();
const isProduction = process.env.NODE_ENV === 'production';

app.set('trust proxy', 1);
app.use(helmet());
app.use(
  cors({
    origin: ['https://shop.example.com', 'https://admin.shop.example.com'],
    credentials: true,
  }),
);
app.use(express.json({ limit: '100kb' }));

app.use(
  session({
    name: 'shop.sid',
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: {
      httpOnly: true,
      secure: isProduction,
      sameSite: 'lax',
      maxAge: 8 * 60 * 60 * 1000,
    },
  }),
);

configurePassport(passport);
app.use(passport.initialize());
app.use(passport.session());

app.post('/login', passport.authenticate('local', { failureRedirect: '/login' }), (req, res) => {
  res.redirect('/account');
});

app.get('/products', async (req, res) => {
  const { cursor, limit } = parsePageParams(req.query);
  const page = await paginate(req.app.locals.db.products, cursor, limit);
  const body = JSON.stringify(page);
  res.set('ETag', etag(body));
  res.type('json').send(body);
});

app.get('/api/orders', requireJwt, async (req, res) => {
  const orders = await req.app.locals.db.orders.findByOwner(req.user.sub);
  res.json(orders);
});

app.listen(process.env.PORT || 3000);
