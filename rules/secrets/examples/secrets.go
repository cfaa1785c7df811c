package config

import "os"

// expect: hard-coded-secret
const awsKeyID = "AKIAIOSFODNN7EXAMPLE"

// expect: hard-coded-secret
var signingSecret = "q9Xv2LmP8kR4tW7bN1yC5hJ3dF6gS0aZ"

// ok: hard-coded-secret
var tokenEnvName = "SIGNING_SECRET"

// ok: hard-coded-secret
var apiKey = os.Getenv("API_KEY")

type DB struct {
	User     string
	Password string
}

func Connect() DB {
	// expect: hard-coded-password
	return DB{User: "shop", Password: "Tr0ub4dor99"}
}

func Default() DB {
	// ok: hard-coded-password
	return DB{User: "shop", Password: "changeme"}
}

// expect: hard-coded-password
var adminPassword = "letmein42"

// ok: hard-coded-password
var passwordPolicy = "min12chars"
