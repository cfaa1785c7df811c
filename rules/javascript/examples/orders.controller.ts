import { Controller, Get, Param, Post, UseGuards, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { Reflector } from '@nestjs/core';
import { Roles } from './roles.decorator';
import { Public } from '../auth/public.decorator';
import { Throttle } from '@nestjs/throttler';
import { Transform } from 'class-transformer';

@Controller('orders')
// expect: passport-strategy
@UseGuards(AuthGuard('jwt'))
// expect: auth-guard-decorator
export class OrdersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return { id };
  }

  @Post(':id/refund')
  @Roles('support', 'admin')
  // expect: auth-guard-decorator
  refund(@Param('id') id: string) {
    return { id, refunded: true };
  }

  @Get('health')
  @Public()
  // expect: auth-guard-decorator
  health() {
    return 'ok';
  }

  @Get('popular')
  @Throttle({ default: { limit: 10, ttl: 60000 } })
  // ok: auth-guard-decorator
  popular() {
    return [];
  }
}

export class OrderDto {
  @Transform(({ value }) => String(value).trim())
  // ok: auth-guard-decorator
  note!: string;
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  // expect: authorization-function-definition
  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    const { user } = context.switchToHttp().getRequest();
    // expect: role-or-permission-check
    return !!roles && roles.some((role) => user.roles.includes(role));
  }
}

// expect: authorization-function-definition
export const adminGuard = (user: { roles: string[] }) => user.roles.length > 0;

// ok: authorization-function-definition
export const guardRail = (value: number) => Math.min(Math.max(value, 0), 100);
