// Package manager rules other than apt: apk (DL3018, DL3019), pip (DL3013, DL3042), npm (DL3016),
// gem (DL3028), yarn (DL3060), go (DL3062), yum/dnf/zypper (DL3030-DL3041).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asOnbuild, assertFixWorks, idOf, lines, ruleCases } from '../helpers/lintHelpers';

ruleCases(idOf('DL3018'), {
  bad: [['FROM alpine:3.20\nRUN apk add --no-cache bash', [2]], 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc=13.2.1_git20240309-r0 musl-dev'],
  good: ['FROM alpine:3.20\nRUN apk add --no-cache bash=5.2.26-r0', 'FROM alpine:3.20\nRUN apk add --no-cache "bash>5.2" "curl~8.9"', 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc=13.2.1_git20240309-r0', 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk', 'FROM alpine:3.20\nRUN apk del bash'],
});

ruleCases(idOf('DL3019'), {
  bad: [['FROM alpine:3.20\nRUN apk update && apk add bash=5.2.26-r0', [2]], 'FROM alpine:3.20\nRUN apk add -U bash=5.2.26-r0'],
  good: ['FROM alpine:3.20\nRUN apk add --no-cache bash=5.2.26-r0', 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add bash=5.2.26-r0', 'FROM alpine:3.20\nRUN apk info'],
});

ruleCases(idOf('DL3013'), {
  bad: [['FROM python:3.12\nRUN pip install --no-cache-dir requests', [2]], 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir requests', 'FROM python:3.12\nRUN pip3 install --no-cache-dir --index-url https://pypi.example.com/simple requests', 'FROM python:3.12\nRUN pipx install ruff'],
  good: [
    'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3',
    'FROM python:3.12\nRUN pip install --no-cache-dir "requests>=2.32,<3"',
    'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt',
    'FROM python:3.12\nRUN pip install --no-cache-dir .',
    'FROM python:3.12\nRUN pip install --no-cache-dir -c constraints.txt requests',
    'FROM python:3.12\nRUN pip install --no-cache-dir /wheels/app-1.0-py3-none-any.whl',
    'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/acme/lib@v1.2.0',
    'FROM python:3.12\nRUN pipenv install ruff',
  ],
});

ruleCases(idOf('DL3042'), {
  bad: [['FROM python:3.12\nRUN pip install requests==2.32.3', [2]], 'FROM python:3.12\nRUN python -m pip install requests==2.32.3'],
  good: [
    'FROM python:3.12\nRUN pip install --no-cache-dir requests==2.32.3',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install requests==2.32.3',
    'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install requests==2.32.3',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=on pip install requests==2.32.3',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3',
    'FROM python:3.12\nRUN pipx install ruff==0.6.9',
  ],
});

ruleCases(idOf('DL3016'), {
  bad: [['FROM node:20\nRUN npm install -g pnpm', [2]], 'FROM node:20\nRUN npm install --save-dev @types/node', 'FROM node:20\nRUN npm install --registry https://npm.example.com left-pad'],
  good: ['FROM node:20\nRUN npm install', 'FROM node:20\nRUN npm ci', 'FROM node:20\nRUN npm install -g pnpm@9.12.0', 'FROM node:20\nRUN npm install @types/node@20.16.10', 'FROM node:20\nRUN npm install ./vendor/lib', 'FROM node:20\nRUN npm install git+https://github.com/acme/lib.git#v1.0.0', 'FROM node:20\nRUN npm install --loglevel warn left-pad@1.3.0'],
});

ruleCases(idOf('DL3028'), {
  bad: [['FROM ruby:3.3\nRUN gem install rails', [2]], 'FROM ruby:3.3\nRUN gem install rake:13.2.1 rails'],
  good: ['FROM ruby:3.3\nRUN gem install rails:7.2.1', 'FROM ruby:3.3\nRUN gem install rails -v 7.2.1', 'FROM ruby:3.3\nRUN gem install rails --version=7.2.1', 'FROM ruby:3.3\nRUN gem update --system'],
});

ruleCases(idOf('DL3060'), {
  bad: [['FROM node:20\nRUN yarn install --frozen-lockfile', [2]], 'FROM node:20\nRUN yarn cache clean && yarn install'],
  good: ['FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean', 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install', 'FROM node:20 AS deps\nRUN yarn install\nFROM node:20-slim\nCOPY --from=deps /app/node_modules /app/node_modules'],
});

ruleCases(idOf('DL3062'), {
  bad: [['FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports', [2]], 'FROM golang:1.23\nRUN go install honnef.co/go/tools/cmd/staticcheck@latest', 'FROM golang:1.23\nRUN go run github.com/acme/gen'],
  good: ['FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.25.0', 'FROM golang:1.23\nRUN go install ./cmd/server', 'FROM golang:1.23\nRUN go run main.go', 'FROM golang:1.23\nRUN go build -o /out/app .', 'FROM golang:1.23\nRUN go mod download'],
});

ruleCases(idOf('DL3030'), { bad: ['FROM rockylinux:9\nRUN yum install httpd-2.4.57'], good: ['FROM rockylinux:9\nRUN yum install -y httpd-2.4.57', 'FROM rockylinux:9\nRUN yum --assumeyes groupinstall "Development Tools"', 'FROM rockylinux:9\nRUN yum makecache'] });
ruleCases(idOf('DL3032'), { bad: [['FROM rockylinux:9\nRUN yum install -y httpd-2.4.57', [2]]], good: ['FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all', 'FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && rm -rf /var/cache/yum'] });
ruleCases(idOf('DL3033'), {
  bad: ['FROM rockylinux:9\nRUN yum install -y httpd && yum clean all', 'FROM rockylinux:9\nRUN yum module install -y nodejs && yum clean all'],
  good: ['FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all', 'FROM rockylinux:9\nRUN yum module install -y nodejs:20 && yum clean all', 'FROM rockylinux:9\nARG HTTPD=2.4.57\nRUN yum install -y httpd-${HTTPD} && yum clean all'],
});
ruleCases(idOf('DL3034'), { bad: ['FROM opensuse/leap:15.6\nRUN zypper install curl=8.6.0'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0', 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl=8.6.0', 'FROM opensuse/leap:15.6\nRUN zypper refresh'] });
ruleCases(idOf('DL3035'), { bad: ['FROM opensuse/leap:15.6\nRUN zypper dup -y'], good: ['FROM opensuse/leap:15.6\nRUN zypper update -y'] });
ruleCases(idOf('DL3036'), { bad: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 && zypper clean -a', 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper install -y curl=8.6.0'] });
ruleCases(idOf('DL3037'), { bad: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl'], good: ['FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0', 'FROM opensuse/leap:15.6\nRUN zypper install -y "curl>=8"'] });
ruleCases(idOf('DL3038'), { bad: ['FROM fedora:40\nRUN dnf install httpd-2.4.62', 'FROM fedora:40\nRUN microdnf install httpd-2.4.62'], good: ['FROM fedora:40\nRUN dnf install -y httpd-2.4.62', 'FROM fedora:40\nRUN dnf --assumeyes install httpd-2.4.62'] });
ruleCases(idOf('DL3040'), {
  bad: [['FROM fedora:40\nRUN dnf install -y httpd-2.4.62', [2]], 'FROM fedora:40\nRUN dnf clean all && dnf install -y httpd-2.4.62', 'FROM fedora:40\nRUN dnf -y upgrade'],
  good: ['FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all', 'FROM fedora:40\nRUN microdnf install -y httpd-2.4.62 && microdnf clean all', 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.62', 'FROM fedora:40\nRUN dnf repolist'],
});
ruleCases(idOf('DL3041'), {
  bad: ['FROM fedora:40\nRUN dnf install -y httpd && dnf clean all', 'FROM fedora:40\nRUN dnf install -y python3-pip && dnf clean all'],
  good: ['FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all', 'FROM fedora:40\nRUN dnf group install -y "C Development Tools and Libraries"', 'FROM fedora:40\nRUN dnf module install -y nodejs:20'],
});

test('package rules also read ONBUILD RUN triggers', () => {
  assert.deepEqual(lines(idOf('DL3018'), asOnbuild('FROM alpine:3.20\nRUN apk add --no-cache bash')), [2]);
  assert.deepEqual(lines(idOf('DL3042'), asOnbuild('FROM python:3.12\nRUN pip install requests==2.32.3')), [2]);
  assert.deepEqual(lines(idOf('DL3040'), asOnbuild('FROM fedora:40\nRUN dnf install -y httpd-2.4.62')), [2]);
});

test('fix: apk add gets --no-cache', () => {
  const fixed = assertFixWorks(idOf('DL3019'), 'FROM alpine:3.20\nRUN apk add bash=5.2.26-r0\nUSER 1000');
  assert.match(fixed, /apk add --no-cache bash/);
});

test('fix: pip install gets --no-cache-dir', () => {
  const fixed = assertFixWorks(idOf('DL3042'), 'FROM python:3.12\nRUN python -m pip install \\\n    requests==2.32.3\nUSER 1000');
  assert.match(fixed, /pip install --no-cache-dir \\\n/);
});

test('fix: yum and dnf get -y', () => {
  assert.match(assertFixWorks(idOf('DL3030'), 'FROM rockylinux:9\nRUN yum install httpd-2.4.57 && yum clean all\nUSER 1000'), /yum install -y httpd/);
  assert.match(assertFixWorks(idOf('DL3038'), 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\nUSER 1000'), /dnf install -y httpd/);
});
