// Source files the placement corpus applies answers to (placementCases.ts). Realistic in size and shape: imports,
// classes with several methods, doc comments, decorators, the same name defined twice. Each is a plain string; a
// CRLF or tab-indented variant is made from one by `crlf()` or written out where its indentation matters.

export function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export const cartServiceTs = `import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { Item } from './item';

/** Prices are in cents. */
const TAX_RATE = 0.2;

@Injectable({
  providedIn: 'root',
})
export class CartService {
  private items: Item[] = [];

  constructor(private readonly http: HttpClient) {}

  add(item: Item): void {
    const existing = this.items.find((entry) => entry.id === item.id);
    if (existing) {
      existing.quantity += item.quantity;
      return;
    }
    this.items.push({ ...item });
  }

  remove(id: string): void {
    this.items = this.items.filter((entry) => entry.id !== id);
  }

  /**
   * The total in cents, tax included.
   */
  total(): number {
    let sum = 0;
    for (const item of this.items) {
      sum += item.price * item.quantity;
    }
    return Math.round(sum * (1 + TAX_RATE));
  }

  @HostListener('window:beforeunload')
  save(): void {
    localStorage.setItem('cart', JSON.stringify(this.items));
  }
}

export function formatPrice(cents: number): string {
  const euros = cents / 100;
  return euros.toFixed(2) + ' €';
}

export const isEmpty = (items: readonly Item[]): boolean => items.length === 0;

export const parseQuantity = (text: string): number => {
  const value = Number.parseInt(text, 10);
  return Number.isNaN(value) ? 1 : Math.max(1, value);
};
`;

export const repositoriesTs = `import { db } from './db';

export class UserRepository {
  async findById(id: string) {
    const rows = await db.query('select * from rows where id = $1', [id]);
    return rows[0] ?? null;
  }

  async count(): Promise<number> {
    return db.count('users');
  }
}

export class OrderRepository {
  async findById(id: string) {
    const rows = await db.query('select * from rows where id = $1', [id]);
    return rows[0] ?? null;
  }

  async forUser(userId: string) {
    return db.query('select * from orders where user_id = $1', [userId]);
  }
}
`;

export const shapesTs = `export interface Shape {
  area(): number;
}

export class Circle implements Shape {
  constructor(private readonly radius: number) {}

  area(): number {
    return Math.PI * this.radius * this.radius;
  }

  describe(): string {
    return 'circle of radius ' + this.radius;
  }
}

export class Square implements Shape {
  constructor(private readonly side: number) {}

  area(): number {
    return this.side * this.side;
  }

  describe(): string {
    return 'square of side ' + this.side;
  }
}
`;

export const tabsTs = `export class Queue<T> {
\tprivate readonly items: T[] = [];

\tpush(item: T): void {
\t\tthis.items.push(item);
\t}

\tpop(): T | undefined {
\t\treturn this.items.shift();
\t}
}
`;

export const settingsJs = `'use strict';

const fs = require('fs');
const path = require('path');

function readSettings(folder) {
  const file = path.join(folder, 'settings.json');
  if (!fs.existsSync(file)) {
    return {};
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const defaults = {
  theme: 'light',
  fontSize: 14,
  save() {
    return JSON.stringify(this);
  },
  reset() {
    this.theme = 'light';
  },
};

module.exports = { readSettings, defaults };
`;

export const counterTsx = `import { useState } from 'react';

type Props = { start: number; step?: number };

export const Counter = ({ start, step = 1 }: Props) => {
  const [count, setCount] = useState(start);
  return (
    <div className="counter">
      <button onClick={() => setCount(count - step)}>-</button>
      <span>{count}</span>
      <button onClick={() => setCount(count + step)}>+</button>
    </div>
  );
};

export class Toggle extends React.Component<{ label: string }, { on: boolean }> {
  state = { on: false };

  handleClick = () => {
    this.setState({ on: !this.state.on });
  };

  render() {
    return <button onClick={this.handleClick}>{this.props.label}</button>;
  }
}
`;

export const mathSpecTs = `import { describe, it } from 'mocha';
import * as assert from 'node:assert/strict';
import { add, divide } from './math';

describe('math', () => {
  it('adds', () => {
    assert.equal(add(1, 2), 3);
  });

  it('divides', () => {
    assert.equal(divide(6, 3), 2);
    assert.throws(() => divide(1, 0));
  });
});
`;

export const inventoryPy = `"""Inventory of a small shop."""

import json
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0

    @property
    def value(self) -> float:
        return self.price * self.quantity


class Inventory:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}

    def add(self, item: Item) -> None:
        if item.name in self.items:
            self.items[item.name].quantity += item.quantity
        else:
            self.items[item.name] = item

    def find(self, name: str) -> Optional[Item]:
        return self.items.get(name)

    def total_value(self) -> float:
        total = 0.0
        for item in self.items.values():
            total += item.value
        return total

    @staticmethod
    def from_json(text: str) -> "Inventory":
        inventory = Inventory()
        for entry in json.loads(text):
            inventory.add(Item(**entry))
        return inventory


# Formatting helpers
def format_price(value: float) -> str:
    return f"{value:.2f} EUR"


async def load(path: str) -> Inventory:
    with open(path) as handle:
        return Inventory.from_json(handle.read())
`;

export const animalsPy = `class Dog:
    def speak(self) -> str:
        return "Woof"

    def fetch(self, thing: str) -> str:
        return f"The dog brings the {thing}"


class Cat:
    def speak(self) -> str:
        return "Meow"

    def ignore(self) -> None:
        pass
`;

export const serverGo = `package server

import (
\t"fmt"
\t"net/http"
)

// Server serves the shop's API.
type Server struct {
\taddr   string
\tcancel func()
}

// Temperature is in degrees Celsius.
type Temperature float64

// NewServer makes a server that listens on addr.
func NewServer(addr string) *Server {
\treturn &Server{addr: addr}
}

// Start listens until Stop is called.
func (s *Server) Start() error {
\tfmt.Println("listening on", s.addr)
\treturn http.ListenAndServe(s.addr, nil)
}

// Stop stops the server.
func (s *Server) Stop() {
\tif s.cancel != nil {
\t\ts.cancel()
\t}
}

func (s *Server) String() string {
\treturn "server at " + s.addr
}

func (t Temperature) String() string {
\treturn fmt.Sprintf("%.1f°C", float64(t))
}
`;

export const moneyRs = `use std::fmt;
use std::ops::Add;

/// An amount of money in cents.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Money {
    cents: i64,
}

impl Money {
    pub fn new(cents: i64) -> Self {
        Money { cents }
    }

    pub fn euros(&self) -> f64 {
        self.cents as f64 / 100.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2} EUR", self.euros())
    }
}

impl Add for Money {
    type Output = Money;

    fn add(self, other: Money) -> Money {
        Money::new(self.cents + other.cents)
    }
}

pub fn parse(text: &str) -> Option<Money> {
    let value: f64 = text.trim().parse().ok()?;
    Some(Money::new((value * 100.0).round() as i64))
}
`;

export const orderServiceJava = `package shop.orders;

import java.util.ArrayList;
import java.util.List;

public class OrderService {
    private final List<Order> orders = new ArrayList<>();

    public void place(Order order) {
        orders.add(order);
    }

    @Override
    public String toString() {
        return "OrderService(" + orders.size() + " orders)";
    }

    public int total(int a, int b) {
        return a + b;
    }

    public double total(double a, double b) {
        return a + b;
    }
}
`;

export const usersControllerCs = `using System.Collections.Generic;
using Microsoft.AspNetCore.Mvc;

namespace Shop.Api
{
    [ApiController]
    public class UsersController : ControllerBase
    {
        private readonly IUserStore store;

        public UsersController(IUserStore store)
        {
            this.store = store;
        }

        [HttpGet("users/{id}")]
        public IActionResult Get(int id)
        {
            var user = store.Find(id);
            return user == null ? NotFound() : Ok(user);
        }
    }
}
`;

export const greeterKt = `package shop

class Greeter(private val name: String) {
    fun greet(): String {
        return "Hello, $name"
    }

    fun farewell(): String = "Bye, $name"
}

fun String.shout(): String = uppercase() + "!"
`;

export const listC = `#include <stdlib.h>
#include "list.h"

/* Frees every node of the list. */
void list_free(struct node *head) {
    while (head != NULL) {
        struct node *next = head->next;
        free(head);
        head = next;
    }
}

int list_length(const struct node *head) {
    int length = 0;
    for (; head != NULL; head = head->next) {
        length++;
    }
    return length;
}
`;

export const accountRb = `require 'bigdecimal'

class Account
  attr_reader :balance

  def initialize(balance = 0)
    @balance = BigDecimal(balance.to_s)
  end

  def deposit(amount)
    raise ArgumentError, 'amount must be positive' unless amount.positive?
    @balance += amount
  end

  def to_s
    format('%.2f', @balance)
  end
end
`;

export const cartPhp = `<?php

namespace Shop;

use Shop\\Item;

class Cart
{
    private array $items = [];

    public function add(Item $item): void
    {
        $this->items[] = $item;
    }

    public function total(): float
    {
        $sum = 0.0;
        foreach ($this->items as $item) {
            $sum += $item->price;
        }
        return $sum;
    }
}
`;

export const packageJson = `{
  "name": "shop",
  "version": "1.2.0",
  "private": true,
  "scripts": {
    "build": "tsc -p .",
    "test": "mocha"
  },
  "dependencies": {
    "express": "^4.19.2"
  },
  "devDependencies": {
    "typescript": "^5.4.0"
  }
}
`;

export const tsconfigJson = `{
  "compilerOptions": {
    "target": "ES2022",
    "strict": true,
    "outDir": "dist"
  },
  "include": ["src"]
}
`;

export const stylesCss = `:root {
  --accent: #0a66c2;
}

body {
  margin: 0;
  font-family: system-ui, sans-serif;
}

.button {
  padding: 4px 12px;
  border-radius: 4px;
  background: var(--accent);
}

.button:hover {
  background: #004182;
}

@media (max-width: 600px) {
  .button {
    padding: 2px 8px;
  }
}
`;

export const duplicatedBlocksTs = `export function saveUser(user: User): void {
  validate(user);
  const json = JSON.stringify(user);
  storage.write('user', json);
  log('saved');
}

export function saveOrder(order: Order): void {
  validate(order);
  const json = JSON.stringify(order);
  storage.write('order', json);
  log('saved');
}

export function retry(times: number, action: () => void): void {
  for (let attempt = 0; attempt < times; attempt += 1) {
    try {
      action();
      return;
    } catch {
      wait(attempt);
    }
  }
}

export function retryQuietly(times: number, action: () => void): void {
  for (let attempt = 0; attempt < times; attempt += 1) {
    try {
      action();
      return;
    } catch {
      wait(attempt);
    }
  }
}
`;

export const readmeMd = `# Shop

Run it with:

\`\`\`sh
npm start
\`\`\`

Then open the browser.
`;
