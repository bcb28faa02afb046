// N-body simulation in doubles: f64 arithmetic and square roots over a small struct array.
#include "bench.h"

#define BODY_COUNT 5
#define PI 3.141592653589793
#define SOLAR_MASS (4 * PI * PI)
#define DAYS_PER_YEAR 365.24

typedef struct {
    double x, y, z, vx, vy, vz, mass;
} Body;

static Body bodies[BODY_COUNT];

// A sun and four planets on made-up orbits (the numbers only need to be deterministic).
static void initialize(void) {
    static const double start[BODY_COUNT][7] = {
        {0, 0, 0, 0, 0, 0, 1.0},
        {4.8, -1.2, -0.1, 0.0017, 0.0077, -0.00007, 0.00095},
        {8.3, 4.1, -0.4, -0.0028, 0.0050, 0.00002, 0.00029},
        {12.9, -15.1, -0.22, 0.0030, 0.0024, -0.00003, 0.000044},
        {15.4, -25.9, 0.18, 0.0027, 0.0016, -0.00009, 0.000051},
    };
    for (i32 i = 0; i < BODY_COUNT; i++) {
        bodies[i].x = start[i][0];
        bodies[i].y = start[i][1];
        bodies[i].z = start[i][2];
        bodies[i].vx = start[i][3] * DAYS_PER_YEAR;
        bodies[i].vy = start[i][4] * DAYS_PER_YEAR;
        bodies[i].vz = start[i][5] * DAYS_PER_YEAR;
        bodies[i].mass = start[i][6] * SOLAR_MASS;
    }
    // Give the sun the momentum that makes the system's total zero.
    double px = 0, py = 0, pz = 0;
    for (i32 i = 0; i < BODY_COUNT; i++) {
        px += bodies[i].vx * bodies[i].mass;
        py += bodies[i].vy * bodies[i].mass;
        pz += bodies[i].vz * bodies[i].mass;
    }
    bodies[0].vx = -px / SOLAR_MASS;
    bodies[0].vy = -py / SOLAR_MASS;
    bodies[0].vz = -pz / SOLAR_MASS;
}

static void advance(double dt) {
    for (i32 i = 0; i < BODY_COUNT; i++) {
        Body *a = &bodies[i];
        for (i32 j = i + 1; j < BODY_COUNT; j++) {
            Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            double distanceSquared = dx * dx + dy * dy + dz * dz;
            double distance = __builtin_sqrt(distanceSquared);
            double magnitude = dt / (distanceSquared * distance);
            a->vx -= dx * b->mass * magnitude;
            a->vy -= dy * b->mass * magnitude;
            a->vz -= dz * b->mass * magnitude;
            b->vx += dx * a->mass * magnitude;
            b->vy += dy * a->mass * magnitude;
            b->vz += dz * a->mass * magnitude;
        }
    }
    for (i32 i = 0; i < BODY_COUNT; i++) {
        bodies[i].x += dt * bodies[i].vx;
        bodies[i].y += dt * bodies[i].vy;
        bodies[i].z += dt * bodies[i].vz;
    }
}

static double energy(void) {
    double e = 0;
    for (i32 i = 0; i < BODY_COUNT; i++) {
        Body *a = &bodies[i];
        e += 0.5 * a->mass * (a->vx * a->vx + a->vy * a->vy + a->vz * a->vz);
        for (i32 j = i + 1; j < BODY_COUNT; j++) {
            Body *b = &bodies[j];
            double dx = a->x - b->x, dy = a->y - b->y, dz = a->z - b->z;
            e -= a->mass * b->mass / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

// Advances the system `steps` times from the same start and returns its energy.
EXPORT("run") double run(i32 steps) {
    initialize();
    for (i32 i = 0; i < steps; i++) advance(0.01);
    return energy();
}
