// A CoreMark-like mixed workload (own code, same ingredients): linked-list search, reversal
// and merge sort; small integer matrix operations; a number-parsing state machine; CRC-16 of
// every intermediate result.
#include "bench.h"

// MARK: CRC-16 (CCITT polynomial 0x1021)

static u16 crc16_byte(u8 byte, u16 crc) {
    crc ^= (u16)byte << 8;
    for (i32 i = 0; i < 8; i++) crc = (crc & 0x8000) ? (u16)((crc << 1) ^ 0x1021) : (u16)(crc << 1);
    return crc;
}

static u16 crc16_u32(u32 value, u16 crc) {
    for (i32 i = 0; i < 4; i++) crc = crc16_byte((u8)(value >> (8 * i)), crc);
    return crc;
}

// MARK: Linked list

#define NODE_COUNT 256

typedef struct Node {
    struct Node *next;
    i32 key;
    i32 order;
} Node;

static Node nodes[NODE_COUNT];

static Node *build_list(u32 seed) {
    Node *head = 0;
    for (i32 i = NODE_COUNT - 1; i >= 0; i--) {
        nodes[i].key = (i32)(lcg_next(&seed) % 1000);
        nodes[i].order = i;
        nodes[i].next = head;
        head = &nodes[i];
    }
    return head;
}

static Node *find(Node *list, i32 key) {
    while (list && list->key != key) list = list->next;
    return list;
}

static Node *reverse(Node *list) {
    Node *reversed = 0;
    while (list) {
        Node *next = list->next;
        list->next = reversed;
        reversed = list;
        list = next;
    }
    return reversed;
}

static i32 compare(const Node *a, const Node *b, i32 byKey) {
    return byKey ? (a->key - b->key) : (a->order - b->order);
}

// Bottom-up merge sort of a singly linked list.
static Node *merge_sort(Node *list, i32 byKey) {
    for (i32 width = 1;; width *= 2) {
        Node *remaining = list, *tail = 0;
        list = 0;
        i32 merges = 0;
        while (remaining) {
            merges++;
            Node *left = remaining, *right = remaining;
            i32 leftSize = 0;
            while (right && leftSize < width) {
                right = right->next;
                leftSize++;
            }
            i32 rightSize = width;
            while (leftSize > 0 || (rightSize > 0 && right)) {
                Node *taken;
                if (leftSize == 0) {
                    taken = right; right = right->next; rightSize--;
                } else if (rightSize == 0 || !right || compare(left, right, byKey) <= 0) {
                    taken = left; left = left->next; leftSize--;
                } else {
                    taken = right; right = right->next; rightSize--;
                }
                if (tail) tail->next = taken; else list = taken;
                tail = taken;
            }
            remaining = right;
        }
        tail->next = 0;
        if (merges <= 1) return list;
    }
}

static u16 list_work(u32 seed, u16 crc) {
    Node *list = build_list(seed);
    for (i32 i = 0; i < 32; i++) {
        Node *found = find(list, (i32)((seed + (u32)i * 37u) % 1000));
        crc = crc16_u32(found ? (u32)found->order : 0xffffu, crc);
    }
    list = reverse(list);
    list = merge_sort(list, 1);
    for (Node *n = list; n; n = n->next) crc = crc16_u32((u32)n->key, crc);
    list = merge_sort(list, 0);
    crc = crc16_u32((u32)list->order, crc);
    return crc;
}

// MARK: Matrix

#define MATRIX_N 24
typedef short i16;
static i16 matrixA[MATRIX_N * MATRIX_N], matrixB[MATRIX_N * MATRIX_N];
static i32 matrixC[MATRIX_N * MATRIX_N];

static u16 matrix_work(u32 seed, u16 crc) {
    const i32 n = MATRIX_N;
    for (i32 i = 0; i < n * n; i++) {
        matrixA[i] = (i16)(lcg_next(&seed) >> 20);
        matrixB[i] = (i16)((lcg_next(&seed) >> 22) - 512);
    }
    // Add a constant, then multiply by a constant, element by element.
    for (i32 i = 0; i < n * n; i++) matrixA[i] = (i16)(matrixA[i] + 7);
    for (i32 i = 0; i < n * n; i++) matrixC[i] = matrixA[i] * -3;
    // Matrix times vector (the first row of B as the vector).
    for (i32 i = 0; i < n; i++) {
        i32 sum = 0;
        for (i32 j = 0; j < n; j++) sum += matrixA[i * n + j] * matrixB[j];
        crc = crc16_u32((u32)sum, crc);
    }
    // Matrix times matrix, and a bit-field extraction of each product.
    for (i32 i = 0; i < n; i++) {
        for (i32 j = 0; j < n; j++) {
            i32 sum = 0;
            for (i32 k = 0; k < n; k++) sum += matrixA[i * n + k] * matrixB[k * n + j];
            matrixC[i * n + j] = sum;
            crc = crc16_byte((u8)((sum >> 5) & 0x7f), crc);
        }
    }
    return crc;
}

// MARK: State machine

typedef enum { START, INTEGER, SIGNED, FRACTION, EXPONENT, SIGNED_EXPONENT, SCIENTIFIC, INVALID, STATE_COUNT } State;

#define TEXT_SIZE 512
static char text[TEXT_SIZE];

static void generate_text(u32 seed) {
    static const char pieces[][9] = {"5012", "1234", "-874", "+122", "35.54", ".1234", "-110.7", "5.5e+3", "-.123e-2", "T0.3e-1F", "-T.T++Tq", "1T3.4e4z"};
    i32 at = 0;
    while (at < TEXT_SIZE - 12) {
        const char *piece = pieces[lcg_next(&seed) % 12];
        for (i32 i = 0; i < 8 && piece[i]; i++) text[at++] = piece[i];
        text[at++] = ',';
    }
    while (at < TEXT_SIZE) text[at++] = 0;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

// Classifies one comma-terminated token; returns its final state and moves `*at` past it.
static State next_token(i32 *at, u32 transitions[STATE_COUNT]) {
    State state = START;
    while (*at < TEXT_SIZE && text[*at] != 0) {
        char c = text[(*at)++];
        if (c == ',') break;
        State next = state;
        switch (state) {
        case START:
            if (is_digit(c)) next = INTEGER;
            else if (c == '+' || c == '-') next = SIGNED;
            else if (c == '.') next = FRACTION;
            else next = INVALID;
            break;
        case SIGNED:
            if (is_digit(c)) next = INTEGER;
            else if (c == '.') next = FRACTION;
            else next = INVALID;
            break;
        case INTEGER:
            if (c == '.') next = FRACTION;
            else if (!is_digit(c)) next = INVALID;
            break;
        case FRACTION:
            if (c == 'e' || c == 'E') next = EXPONENT;
            else if (!is_digit(c)) next = INVALID;
            break;
        case EXPONENT:
            if (c == '+' || c == '-') next = SIGNED_EXPONENT;
            else next = INVALID;
            break;
        case SIGNED_EXPONENT:
            if (is_digit(c)) next = SCIENTIFIC;
            else next = INVALID;
            break;
        case SCIENTIFIC:
            if (!is_digit(c)) next = INVALID;
            break;
        default:
            break;
        }
        if (next != state) transitions[next]++;
        state = next;
    }
    return state;
}

static u16 state_work(u32 seed, u16 crc) {
    generate_text(seed);
    u32 finals[STATE_COUNT] = {0}, transitions[STATE_COUNT] = {0};
    i32 at = 0;
    while (at < TEXT_SIZE && text[at] != 0) finals[next_token(&at, transitions)]++;
    for (i32 i = 0; i < STATE_COUNT; i++) {
        crc = crc16_u32(finals[i], crc);
        crc = crc16_u32(transitions[i], crc);
    }
    return crc;
}

// Runs `iterations` rounds of all three workloads; returns the running CRC.
EXPORT("run") u32 run(i32 iterations) {
    u16 crc = 0;
    for (i32 i = 0; i < iterations; i++) {
        u32 seed = 0x1234u + (u32)i;
        crc = list_work(seed, crc);
        crc = matrix_work(seed, crc);
        crc = state_work(seed, crc);
    }
    return crc;
}
